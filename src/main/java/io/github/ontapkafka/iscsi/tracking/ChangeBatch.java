package io.github.ontapkafka.iscsi.tracking;


import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The changes one poll of a cluster found, with what each record needs: the batch's generation (part of every event
 * id), the poll times, and the offset after each change.
 *
 * <p>Also the changes of the tracked sessions that make no event ({@code unreported}: sessions that left a new
 * baseline, and under {@code snapshot.mode=never} those that entered it), for a view of the live sessions, and the
 * offsets a record of such a view carries so that it is never lost: one that redoes the whole poll, and one before
 * each change.
 *
 * @param previousObservedAt the last poll that saw the state before this batch (null before the first poll)
 * @param scope              the canonical form of the scope the poll listed, which every record's offset carries
 * @param unreported         the changes of the tracked sessions without an event, departures first, in key order
 * @param offsetBeforePoll   the offset of the state before the poll: a task resuming from it polls again from there;
 *                           null when {@code unreported} is empty, as no record needs it then
 * @param states             null if the poll changed nothing, reported or not
 */
public record ChangeBatch(List<SessionChange> changes, long generation, Instant observedAt, Instant previousObservedAt,
                          String scope, List<SessionChange> unreported, Map<String, Object> offsetBeforePoll,
                          BatchStates states) {

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The offset before change {@code index}: the unreported changes applied and the changes before {@code index}.
     * A task resuming from it reports change {@code index} and those after it as this batch does. For
     * {@code index == changes().size()}, the state after the poll.
     */
    public Map<String, Object> offsetBefore(int index) {
        return offsetAt(index);
    }

    /**
     * The offset after change {@code index}. Only the batch's last record advances the generation and the poll time:
     * a task resuming from any earlier record replays the rest under the same generation, so the replayed events get
     * the ids they had, and reports the same previous poll time. A snapshot is in progress while a {@code SNAPSHOT}
     * is still to come, which {@link SessionDiff} puts first: a task resuming from any record reports the rest of
     * them as {@code SNAPSHOT}s, and the batch's other changes as they were.
     */
    public Map<String, Object> offsetAfter(int index) {
        return offsetAt(index + 1);
    }

    /** The offset with the first {@code applied} changes emitted. */
    private Map<String, Object> offsetAt(int applied) {
        boolean complete = applied == changes.size();
        boolean snapshotInProgress = !complete && changes.get(applied).type() == ChangeType.SNAPSHOT;
        // A batch without changes did not advance the generation; one with changes did, with its last record.
        long generationAt = complete || changes.isEmpty() ? generation : generation - 1;
        return new StateOffset(states, applied, generationAt, complete ? observedAt : previousObservedAt,
                snapshotInProgress, scope);
    }
}
