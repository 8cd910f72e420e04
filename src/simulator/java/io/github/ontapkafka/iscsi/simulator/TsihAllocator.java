package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Hands out TSIHs per target portal group as ONTAP does: counting up from wherever the portal happens to be (wrapping
 * within the 16-bit range, 0 being reserved), skipping handles in use, and now and then reusing one that a logout
 * just freed. Not thread-safe.
 */
final class TsihAllocator {

    private static final int MAX_TSIH = 0xffff;
    /** Where a portal's counter stands when first used, up to this: a cluster has usually been up a while. */
    private static final int MAX_INITIAL_COUNTER = 2000;
    private static final double REUSE_SHARE = 0.05;
    private static final int REMEMBERED_RELEASES = 32;

    private record Portal(String svmUuid, String name) {
    }

    private final Random random;
    private final Map<Portal, Integer> lastIssued = new HashMap<>();
    private final Map<Portal, Deque<Integer>> released = new HashMap<>();

    TsihAllocator(Random random) {
        this.random = random;
    }

    /** A TSIH for a login through {@code portal} whose key {@code taken} does not reject. */
    int allocate(TargetPortal portal, Predicate<SessionKey> taken) {
        Portal id = new Portal(portal.svm().uuid(), portal.name());
        Deque<Integer> freed = released.get(id);
        if (freed != null && !freed.isEmpty() && random.nextDouble() < REUSE_SHARE) {
            int reused = freed.pollLast();
            if (!taken.test(portal.key(reused))) {
                return reused;
            }
        }
        int tsih = lastIssued.computeIfAbsent(id, ignored -> random.nextInt(MAX_INITIAL_COUNTER));
        for (int tried = 0; tried < MAX_TSIH; tried++) {
            tsih = tsih % MAX_TSIH + 1;
            if (!taken.test(portal.key(tsih))) {
                lastIssued.put(id, tsih);
                return tsih;
            }
        }
        throw new IllegalStateException("Every TSIH of portal " + portal.name() + " is in use");
    }

    /** Remembers that a session ended, so its TSIH may come back soon. */
    void release(SessionKey key) {
        Deque<Integer> freed = released.computeIfAbsent(new Portal(key.svmUuid(), key.targetPortalGroup()),
                ignored -> new ArrayDeque<>());
        freed.addLast(key.tsih());
        if (freed.size() > REMEMBERED_RELEASES) {
            freed.pollFirst();
        }
    }
}
