package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * An immutable, key-ordered view of a cluster's sessions as digests and {@linkplain FirstSeen first-seen times},
 * plus the SVM names seen: exactly what an offset stores. In-flight records share one snapshot per poll instead of
 * each holding a copy.
 */
public final class DigestSnapshot {

    public static final DigestSnapshot EMPTY = new DigestSnapshot(new SessionKey[0], new long[0], new long[0],
            Map.of());

    private final SessionKey[] keys;
    private final long[] digests;
    /** {@link FirstSeen#pack packed}, beside the digests. */
    private final long[] firstSeen;
    private final Map<String, String> svmNames;

    DigestSnapshot(SessionKey[] keys, long[] digests, long[] firstSeen, Map<String, String> svmNames) {
        this.keys = keys;
        this.digests = digests;
        this.firstSeen = firstSeen;
        this.svmNames = Map.copyOf(svmNames);
    }

    public int size() {
        return keys.length;
    }

    SessionKey key(int index) {
        return keys[index];
    }

    long digest(int index) {
        return digests[index];
    }

    long packedFirstSeen(int index) {
        return firstSeen[index];
    }

    /** When the session under {@code key} was first seen, or null if it is not here or its time is unknown. */
    public FirstSeen firstSeen(SessionKey key) {
        int index = Arrays.binarySearch(keys, key);
        return index < 0 ? null : FirstSeen.unpack(firstSeen[index]);
    }

    public Map<String, String> svmNames() {
        return svmNames;
    }

    /** This snapshot with the first {@code count} of {@code changes} applied (changes are in key order). */
    public DigestSnapshot apply(List<SessionChange> changes, int count) {
        return apply(ChangeDigests.of(changes, UnaryOperator.identity()), count);
    }

    DigestSnapshot apply(ChangeDigests changes, int count) {
        if (count == 0) {
            return this;
        }
        // The last change of each key, by index into the changes.
        TreeMap<SessionKey, Integer> overrides = new TreeMap<>();
        Map<String, String> names = new HashMap<>(svmNames);
        for (int c = 0; c < count; c++) {
            overrides.put(changes.key(c), c);
            if (changes.svmName(c) != null) {
                names.put(changes.key(c).svmUuid(), changes.svmName(c));
            }
        }
        SessionKey[] mergedKeys = new SessionKey[keys.length + overrides.size()];
        long[] mergedDigests = new long[mergedKeys.length];
        long[] mergedFirstSeen = new long[mergedKeys.length];
        int out = 0;
        int i = 0;
        // A batch changes few of the sessions: copy the runs between changed keys, found by binary search.
        for (Map.Entry<SessionKey, Integer> override : overrides.entrySet()) {
            int found = Arrays.binarySearch(keys, i, keys.length, override.getKey());
            int runEnd = found >= 0 ? found : -found - 1;
            copyRun(i, runEnd - i, mergedKeys, mergedDigests, mergedFirstSeen, out);
            out += runEnd - i;
            int change = override.getValue();
            if (changes.digestAfter(change) != SessionDigest.NONE) {
                mergedKeys[out] = override.getKey();
                mergedDigests[out] = changes.digestAfter(change);
                mergedFirstSeen[out++] = changes.packedFirstSeen(change);
            }
            i = found >= 0 ? found + 1 : runEnd;
        }
        copyRun(i, keys.length - i, mergedKeys, mergedDigests, mergedFirstSeen, out);
        out += keys.length - i;
        return new DigestSnapshot(Arrays.copyOf(mergedKeys, out), Arrays.copyOf(mergedDigests, out),
                Arrays.copyOf(mergedFirstSeen, out), names);
    }

    private void copyRun(int from, int length, SessionKey[] toKeys, long[] toDigests, long[] toFirstSeen, int at) {
        System.arraycopy(keys, from, toKeys, at, length);
        System.arraycopy(digests, from, toDigests, at, length);
        System.arraycopy(firstSeen, from, toFirstSeen, at, length);
    }
}
