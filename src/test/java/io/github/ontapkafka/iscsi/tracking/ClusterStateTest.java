package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.event.EventIds;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

class ClusterStateTest {

    private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(30);
    private static final Instant T3 = T2.plusSeconds(30);
    private static final String CLUSTER = "4ea7a442-86d1-11e0-ae1c-123478563412";
    /** One for all offsets, as a worker has: setting one up takes a millisecond, and property tests store many. */
    private static final JsonConverter OFFSET_CONVERTER = new JsonConverter();

    static {
        OFFSET_CONVERTER.configure(Map.of("schemas.enable", "false"), false);
    }

    private final IscsiSession a = session(1, "iqn.a", connection(1));
    private final IscsiSession b = session(2, "iqn.b", connection(1));
    private final IscsiSession c = session(3, "iqn.c", connection(1));

    /** Passes an offset through the worker's own path: validation, then the JSON converter, both ways. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> storedAndReadBack(Map<String, Object> offset) {
        OffsetUtils.validateFormat(offset);
        byte[] bytes = OFFSET_CONVERTER.fromConnectData("offsets", null, offset);
        return (Map<String, Object>) OFFSET_CONVERTER.toConnectData("offsets", bytes).value();
    }

    static List<String> ids(ChangeBatch batch) {
        List<String> ids = new ArrayList<>();
        for (SessionChange change : batch.changes()) {
            ids.add(change.type() + " " + change.key().tsih() + " " + EventIds.of(CLUSTER, change, batch.generation()));
        }
        return ids;
    }

    @Test
    void theFirstPollSnapshotsAndLaterPollsReportChanges() {
        ClusterState state = ClusterState.fresh();

        ChangeBatch first = state.poll(live(a, b), T1, SnapshotMode.INITIAL, SessionScope.ALL);
        ChangeBatch second = state.poll(live(b, c), T2, SnapshotMode.INITIAL, SessionScope.ALL);

        assertThat(first.changes()).extracting(SessionChange::type).containsOnly(ChangeType.SNAPSHOT);
        assertThat(first.previousObservedAt()).isNull();
        assertThat(second.changes()).extracting(ch -> ch.type() + " " + ch.key().tsih())
                .containsExactly("LOGOUT 1", "LOGIN 3");
        assertThat(second.previousObservedAt()).isEqualTo(T1);
        assertThat(second.generation()).isEqualTo(first.generation() + 1);
    }

    @Test
    void neverModeRecordsTheFirstPollSilently() {
        ClusterState state = ClusterState.fresh();

        assertThat(state.poll(live(a, b), T1, SnapshotMode.NEVER, SessionScope.ALL).changes()).isEmpty();
        ChangeBatch next = state.poll(live(a, b, c), T2, SnapshotMode.NEVER, SessionScope.ALL);

        assertThat(next.changes()).extracting(SessionChange::type).containsExactly(ChangeType.LOGIN);
        ClusterState restored = ClusterState.restore(OffsetFormat.parse(storedAndReadBack(next.offsetAfter(0))));
        assertThat(restored.sessionCount()).as("the silent baseline is part of the first stored offset").isEqualTo(3);
    }

    @Test
    void theLastOffsetIsWhatTheLastRecordCarriedUntilTheNextBatch() {
        ClusterState state = ClusterState.fresh();
        assertThat(state.lastOffset()).as("nothing polled, nothing to carry").isNull();

        ChangeBatch first = state.poll(live(a, b), T1, SnapshotMode.INITIAL, SessionScope.ALL);
        Map<String, Object> lastRecord = storedAndReadBack(first.offsetAfter(first.changes().size() - 1));
        assertThat(storedAndReadBack(state.lastOffset())).isEqualTo(lastRecord);

        assertThat(state.poll(live(a, b), T2, SnapshotMode.INITIAL, SessionScope.ALL).changes()).isEmpty();
        assertThat(storedAndReadBack(state.lastOffset())).as("a quiet poll moves nothing")
                .isEqualTo(lastRecord);

        ClusterState restored = ClusterState.restore(OffsetFormat.parse(lastRecord));
        assertThat(storedAndReadBack(restored.lastOffset())).as("after a restart, as stored")
                .isEqualTo(lastRecord);
    }

    @Test
    void aFirstPollThatEmitsNothingStillHasAnOffsetToCarryItsBaseline() {
        ClusterState silent = ClusterState.fresh();
        assertThat(silent.poll(live(a, b), T1, SnapshotMode.NEVER, SessionScope.ALL).changes()).isEmpty();

        ClusterState resumed = ClusterState.restore(OffsetFormat.parse(storedAndReadBack(silent.lastOffset())));
        assertThat(resumed.sessionCount()).isEqualTo(2);
        assertThat(resumed.poll(live(a), T2, SnapshotMode.NEVER, SessionScope.ALL).changes())
                .as("not a first poll again")
                .extracting(ch -> ch.type() + " " + ch.key().tsih()).containsExactly("LOGOUT 2");
    }

    @Test
    void everyRecordsOffsetIsTheStateAfterItsEvent() {
        ClusterState state = ClusterState.fresh();
        state.poll(live(a), T1, SnapshotMode.INITIAL, SessionScope.ALL);
        ChangeBatch batch = state.poll(live(b, c), T2, SnapshotMode.INITIAL, SessionScope.ALL);

        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < batch.changes().size(); i++) {
            sizes.add(ClusterState.restore(OffsetFormat.parse(storedAndReadBack(batch.offsetAfter(i)))).sessionCount());
        }

        assertThat(batch.changes()).extracting(ch -> ch.type() + " " + ch.key().tsih())
                .containsExactly("LOGOUT 1", "LOGIN 2", "LOGIN 3");
        assertThat(sizes).containsExactly(0, 1, 2);
    }

    @Test
    void aTaskResumingFromAnyRecordOfABatchReplaysTheRestWithTheSameIds() {
        ClusterState original = ClusterState.fresh();
        original.poll(live(a), T1, SnapshotMode.INITIAL, SessionScope.ALL);
        ChangeBatch batch = original.poll(live(b, c), T2, SnapshotMode.INITIAL, SessionScope.ALL);
        List<String> originalIds = ids(batch);

        for (int committed = 0; committed < batch.changes().size(); committed++) {
            ClusterState resumed = ClusterState.restore(OffsetFormat.parse(storedAndReadBack(batch.offsetAfter(committed))));
            ChangeBatch replay = resumed.poll(live(b, c), T3, SnapshotMode.INITIAL, SessionScope.ALL);

            assertThat(ids(replay)).as("resuming after record %d", committed)
                    .isEqualTo(originalIds.subList(committed + 1, originalIds.size()));
            if (!replay.isEmpty()) {
                assertThat(replay.previousObservedAt()).as("the poll before the interrupted batch").isEqualTo(T1);
            }
        }
    }

    @Test
    void aSnapshotInterruptedMidwayIsFinishedAsASnapshot() {
        ClusterState original = ClusterState.fresh();
        ChangeBatch snapshot = original.poll(live(a, b, c), T1, SnapshotMode.INITIAL, SessionScope.ALL);

        ClusterState resumed = ClusterState.restore(OffsetFormat.parse(storedAndReadBack(snapshot.offsetAfter(0))));
        ChangeBatch replay = resumed.poll(live(a, b, c), T2, SnapshotMode.INITIAL, SessionScope.ALL);

        assertThat(ids(replay)).isEqualTo(ids(snapshot).subList(1, 3));
    }

    @Test
    void aGracefulRestartAfterTheLastRecordReplaysNothing() {
        ClusterState original = ClusterState.fresh();
        ChangeBatch batch = original.poll(live(a, b), T1, SnapshotMode.INITIAL, SessionScope.ALL);

        ClusterState resumed = ClusterState.restore(OffsetFormat.parse(storedAndReadBack(batch.offsetAfter(1))));

        assertThat(resumed.poll(live(a, b), T2, SnapshotMode.INITIAL, SessionScope.ALL).changes()).isEmpty();
    }

    @Test
    void theSameLoginAtAnotherTimeGetsAnotherId() {
        ClusterState state = ClusterState.fresh();
        state.poll(live(), T1, SnapshotMode.INITIAL, SessionScope.ALL);
        List<String> firstLogin = ids(state.poll(live(a), T2, SnapshotMode.INITIAL, SessionScope.ALL));
        state.poll(live(), T3, SnapshotMode.INITIAL, SessionScope.ALL);
        List<String> secondLogin = ids(state.poll(live(a), T3.plusSeconds(30), SnapshotMode.INITIAL, SessionScope.ALL));

        assertThat(firstLogin).hasSize(1);
        assertThat(secondLogin).hasSize(1).doesNotContainAnyElementsOf(firstLogin);
    }

    @Test
    void inFlightOffsetsShareOneSnapshotInsteadOfCopyingTheState() {
        ClusterState state = ClusterState.fresh();
        List<IscsiSession> many = new ArrayList<>();
        for (int tsih = 0; tsih < 2_000; tsih++) {
            many.add(session(tsih, "iqn.host" + tsih, connection(1)));
        }
        ChangeBatch batch = state.poll(live(many), T1, SnapshotMode.INITIAL, SessionScope.ALL);

        Map<String, Object> early = batch.offsetAfter(0);
        Map<String, Object> late = batch.offsetAfter(1_999);

        assertThat(early).isNotSameAs(late);
        assertThat(early.toString()).hasSizeLessThan(200);
        assertThat(ClusterState.restore(OffsetFormat.parse(storedAndReadBack(late))).sessionCount()).isEqualTo(2_000);
    }

    @Test
    void malformedOffsetsAreRejectedWithTheFieldAtFault() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetFormat.parse(Map.of("format", 7L)))
                .hasMessageContaining("'format' is 7");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetFormat.parse(Map.of("format", 1L,
                        "generation", "x", "sessions", "")))
                .hasMessageContaining("'generation' is not an integer");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetFormat.parse(Map.of("format", 1L,
                        "generation", 3L)))
                .hasMessageContaining("'sessions' is missing");
    }
}
