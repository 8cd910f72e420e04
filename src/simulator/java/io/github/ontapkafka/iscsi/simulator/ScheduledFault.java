package io.github.ontapkafka.iscsi.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/** A fault waiting in a {@link FaultPlan}: what goes wrong, on which requests, and how many more times. */
public final class ScheduledFault {

    /** {@link #remainingUses()} of a fault that lasts until cancelled or cleared. */
    public static final int UNTIL_CLEARED = Integer.MAX_VALUE;

    private final Fault fault;
    private final FaultScope scope;
    private final AtomicInteger remainingUses;

    ScheduledFault(Fault fault, FaultScope scope, int uses) {
        if (uses < 1) {
            throw new IllegalArgumentException("A fault must strike at least once: " + uses);
        }
        this.fault = fault;
        this.scope = scope;
        this.remainingUses = new AtomicInteger(uses);
    }

    public Fault fault() {
        return fault;
    }

    public FaultScope scope() {
        return scope;
    }

    /** How many more requests this fault hits; {@link #UNTIL_CLEARED} if it never wears off. */
    public int remainingUses() {
        return remainingUses.get();
    }

    /** Stops the fault from hitting any further request. */
    public void cancel() {
        remainingUses.set(0);
    }

    boolean isSpent() {
        return remainingUses.get() <= 0;
    }

    /** Takes one use for a request for page {@code requestPage} of {@code requestPath}; two never share a use. */
    boolean claim(String requestPath, int requestPage) {
        if (!scope.matches(requestPath, requestPage)) {
            return false;
        }
        int uses = remainingUses.getAndUpdate(left -> left == UNTIL_CLEARED || left <= 0 ? left : left - 1);
        return uses > 0;
    }

    @Override
    public String toString() {
        int uses = remainingUses();
        return fault + " on " + scope + ", " + (uses == UNTIL_CLEARED ? "until cleared" : uses + " more time(s)");
    }
}
