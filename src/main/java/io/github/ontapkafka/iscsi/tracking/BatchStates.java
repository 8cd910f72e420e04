package io.github.ontapkafka.iscsi.tracking;

/**
 * The states a batch's records lead to: the state before the batch with the first n changes applied, encoded when
 * a record's offset is read. Shared by all of the batch's offsets, so that in-flight records hold a reference, not
 * a copy of the state, and holds only the changes' keys and digests, not the sessions they carry.
 *
 * <p>Keeps the last encoding: the worker reads the offset it commits twice (to validate it, then to serialise it).
 * One encoding per batch at most, so the heap it holds does not grow with the number of records.
 */
final class BatchStates {

    private final DigestSnapshot base;
    private final ChangeDigests changes;
    private final DigestSnapshot after;
    private int lastApplied = -1;
    private String lastEncoded;

    BatchStates(DigestSnapshot base, ChangeDigests changes) {
        this.base = base;
        this.changes = changes;
        this.after = base.apply(this.changes, this.changes.size());
    }

    /** The state after the whole batch. */
    DigestSnapshot after() {
        return after;
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
