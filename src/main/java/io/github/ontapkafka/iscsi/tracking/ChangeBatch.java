package io.github.ontapkafka.iscsi.tracking;


import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The changes one poll of a cluster found, with what each record needs: the batch's generation (part of every event
 * id), the poll times, and the offset after each change.
 *
 * @param previousObservedAt the last poll that saw the state before this batch (null before the first poll)
 * @param scope              the canonical form of the scope the poll listed, which every record's offset carries
 */
public record ChangeBatch(List<SessionChange> changes, long generation, Instant observedAt, Instant previousObservedAt,
                          String scope, BatchStates states) {

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The offset after change {@code index}. Only the batch's last record advances the generation and the poll time:
     * a task resuming from any earlier record replays the rest under the same generation, so the replayed events get
     * the ids they had, and reports the same previous poll time. A snapshot is in progress while a {@code SNAPSHOT}
     * is still to come, which {@link SessionDiff} puts first: a task resuming from any record reports the rest of
     * them as {@code SNAPSHOT}s, and the batch's other changes as they were.
     */
    public Map<String, Object> offsetAfter(int index) {
        boolean last = index == changes.size() - 1;
        boolean snapshotInProgress = !last && changes.get(index + 1).type() == ChangeType.SNAPSHOT;
        return new StateOffset(states, index + 1, last ? generation : generation - 1,
                last ? observedAt : previousObservedAt, snapshotInProgress, scope);
    }
}
