package io.github.ontapkafka.iscsi.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults one cluster has yet to inflict. A request suffers at most one fault: the earliest scheduled one whose
 * scope matches it. Safe to change while clients are polling.
 */
public final class FaultPlan {

    private final List<ScheduledFault> scheduled = new CopyOnWriteArrayList<>();

    /** Hits the next {@code times} requests in {@code scope}. */
    public ScheduledFault inject(Fault fault, FaultScope scope, int times) {
        return schedule(new ScheduledFault(fault, scope, times));
    }

    /** Hits every request in {@code scope} until cancelled or {@link #clear() cleared}. */
    public ScheduledFault injectUntilCleared(Fault fault, FaultScope scope) {
        return schedule(new ScheduledFault(fault, scope, ScheduledFault.UNTIL_CLEARED));
    }

    /**
     * Takes the cluster down: every request to it loses its connection until cleared. Other clusters on the same
     * server keep working, which is why this drops connections rather than closing the listening port.
     */
    public ScheduledFault goDown() {
        return injectUntilCleared(Fault.dropConnection(), FaultScope.everyRequest());
    }

    /** Removes every fault; the cluster behaves again. */
    public void clear() {
        scheduled.forEach(ScheduledFault::cancel);
        scheduled.clear();
    }

    /** The faults still to strike, earliest first. */
    public List<ScheduledFault> pending() {
        scheduled.removeIf(ScheduledFault::isSpent);
        return List.copyOf(scheduled);
    }

    /**
     * The fault to inflict on a request for {@code requestPath}, page {@code requestPage} of a walk (0: no collection
     * page), using it up once.
     */
    Optional<Fault> claim(String requestPath, int requestPage) {
        for (ScheduledFault candidate : scheduled) {
            if (candidate.claim(requestPath, requestPage)) {
                if (candidate.isSpent()) {
                    scheduled.remove(candidate);
                }
                return Optional.of(candidate.fault());
            }
        }
        return Optional.empty();
    }

    private ScheduledFault schedule(ScheduledFault fault) {
        scheduled.add(fault);
        return fault;
    }
}
