package io.github.ontapkafka.iscsi.state;

import io.github.ontapkafka.iscsi.diff.SessionChange;

import java.util.List;

/**
 * The states a batch's records lead to: the state before the batch with the first n changes applied, encoded when
 * a record's offset is read. Shared by all of the batch's offsets, so that in-flight records hold references, not
 * copies of the state.
 *
 * <p>Keeps the last encoding: the worker reads the offset it commits twice (to validate it, then to serialise it).
 * One encoding per batch at most, so the heap it holds does not grow with the number of records.
 */
final class BatchStates {

    private final DigestSnapshot base;
    private final List<SessionChange> changes;
    private final DigestSnapshot after;
    private int lastApplied = -1;
    private String lastEncoded;

    /** @param after {@code base} with every change applied, which the state computed anyway */
    BatchStates(DigestSnapshot base, List<SessionChange> changes, DigestSnapshot after) {
        this.base = base;
        this.changes = changes;
        this.after = after;
    }

    int size() {
        return base.size();
    }

    /** The encoded state after the first {@code applied} changes. Called by the worker's threads. */
    synchronized String encodedAfter(int applied) {
        if (applied != lastApplied) {
            lastEncoded = StateCodec.encode(applied == changes.size() ? after : base.apply(changes, applied));
            lastApplied = applied;
        }
        return lastEncoded;
    }
}
