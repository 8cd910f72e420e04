package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * An immutable, key-ordered view of a cluster's sessions as digests, plus the SVM names seen: exactly what an offset
 * stores. In-flight records share one snapshot per poll instead of each holding a copy.
 */
public final class DigestSnapshot {

    public static final DigestSnapshot EMPTY = new DigestSnapshot(new SessionKey[0], new long[0], Map.of());

    private final SessionKey[] keys;
    private final long[] digests;
    private final Map<String, String> svmNames;

    DigestSnapshot(SessionKey[] keys, long[] digests, Map<String, String> svmNames) {
        this.keys = keys;
        this.digests = digests;
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
        TreeMap<SessionKey, Long> overrides = new TreeMap<>();
        Map<String, String> names = new HashMap<>(svmNames);
        for (int c = 0; c < count; c++) {
            overrides.put(changes.key(c), changes.digestAfter(c));
            if (changes.svmName(c) != null) {
                names.put(changes.key(c).svmUuid(), changes.svmName(c));
            }
        }
        SessionKey[] mergedKeys = new SessionKey[keys.length + overrides.size()];
        long[] mergedDigests = new long[mergedKeys.length];
        int out = 0;
        int i = 0;
        // A batch changes few of the sessions: copy the runs between changed keys, found by binary search.
        for (Map.Entry<SessionKey, Long> override : overrides.entrySet()) {
            int found = Arrays.binarySearch(keys, i, keys.length, override.getKey());
            int runEnd = found >= 0 ? found : -found - 1;
            System.arraycopy(keys, i, mergedKeys, out, runEnd - i);
            System.arraycopy(digests, i, mergedDigests, out, runEnd - i);
            out += runEnd - i;
            if (override.getValue() != SessionDigest.NONE) {
                mergedKeys[out] = override.getKey();
                mergedDigests[out++] = override.getValue();
            }
            i = found >= 0 ? found + 1 : runEnd;
        }
        System.arraycopy(keys, i, mergedKeys, out, keys.length - i);
        System.arraycopy(digests, i, mergedDigests, out, keys.length - i);
        out += keys.length - i;
        mergedKeys = Arrays.copyOf(mergedKeys, out);
        mergedDigests = Arrays.copyOf(mergedDigests, out);
        return new DigestSnapshot(mergedKeys, mergedDigests, names);
    }
}
