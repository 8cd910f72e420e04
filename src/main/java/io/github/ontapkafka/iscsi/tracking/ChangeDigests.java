package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What applying a batch's changes to a {@link DigestSnapshot} takes from them: each change's key, its digest after
 * ({@link SessionDigest#NONE} after a logout), when its session was first seen and its SVM's name. In-flight offsets hold this rather than the
 * changes, which carry whole sessions.
 */
final class ChangeDigests {

    /** No changes: a batch that leaves the state as it is. */
    static final ChangeDigests NONE = new ChangeDigests(new SessionKey[0], new long[0], new long[0],
            new String[0]);

    private final SessionKey[] keys;
    private final long[] digestsAfter;
    private final long[] firstSeen;
    private final String[] svmNames;

    private ChangeDigests(SessionKey[] keys, long[] digestsAfter, long[] firstSeen, String[] svmNames) {
        this.keys = keys;
        this.digestsAfter = digestsAfter;
        this.firstSeen = firstSeen;
        this.svmNames = svmNames;
    }

    /** @param canonical the instance of a change's key to hold */
    static ChangeDigests of(List<SessionChange> changes, UnaryOperator<SessionKey> canonical) {
        SessionKey[] keys = new SessionKey[changes.size()];
        long[] digests = new long[keys.length];
        long[] firstSeen = new long[keys.length];
        String[] svmNames = new String[keys.length];
        Map<String, String> oneInstancePerName = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            SessionChange change = changes.get(i);
            keys[i] = canonical.apply(change.key());
            digests[i] = change.type() == ChangeType.LOGOUT ? SessionDigest.NONE : change.digestAfter();
            firstSeen[i] = FirstSeen.pack(change.firstSeen());
            String svmName = change.session().svm().name();
            svmNames[i] = svmName == null ? null : oneInstancePerName.computeIfAbsent(svmName, name -> name);
        }
        return new ChangeDigests(keys, digests, firstSeen, svmNames);
    }

    int size() {
        return keys.length;
    }

    SessionKey key(int index) {
        return keys[index];
    }

    long digestAfter(int index) {
        return digestsAfter[index];
    }

    long packedFirstSeen(int index) {
        return firstSeen[index];
    }

    /** The name of the change's SVM, or null if the change did not tell. */
    String svmName(int index) {
        return svmNames[index];
    }
}
