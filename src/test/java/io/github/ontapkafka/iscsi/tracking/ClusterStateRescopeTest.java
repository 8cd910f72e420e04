package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.Svm;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static io.github.ontapkafka.iscsi.tracking.ClusterStateTest.ids;
import static io.github.ontapkafka.iscsi.tracking.ClusterStateTest.storedAndReadBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A changed filter changes what the task sees of a cluster, not the cluster: it must make up no event. */
class ClusterStateRescopeTest {

    private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(30);
    private static final Instant T3 = T2.plusSeconds(30);
    private static final Instant T4 = T3.plusSeconds(30);
    private static final SessionScope PROD = SessionScope.parse("svm.name=prod");
    private static final SessionScope TEST = SessionScope.parse("svm.name=test");

    private final IscsiSession prod1 = inSvm("prod", session(1, "iqn.p1", connection(1)));
    private final IscsiSession prod2 = inSvm("prod", session(2, "iqn.p2", connection(1)));
    private final IscsiSession test1 = inSvm("test", session(3, "iqn.t1", connection(1)));
    private final IscsiSession test2 = inSvm("test", session(4, "iqn.t2", connection(1)));
    private final IscsiSession test3 = inSvm("test", session(5, "iqn.t3", connection(1)));

    private static IscsiSession inSvm(String name, IscsiSession session) {
        return new IscsiSession(new Svm("uuid-" + name, name), session.targetPortalGroup(),
                session.targetPortalGroupTag(), session.tsih(), session.isid(), session.initiator(), session.igroups(),
                session.connections());
    }

    private static List<String> events(ChangeBatch batch) {
        return batch.changes().stream().map(change -> change.type() + " " + change.key().tsih()).toList();
    }

    private static OffsetFormat.StoredState stored(Map<String, Object> offset) {
        return OffsetFormat.parse(storedAndReadBack(offset));
    }

    @Test
    void aNarrowedFilterForgetsTheSessionsItNoLongerCoversWithoutLogouts() {
        ClusterState state = ClusterState.fresh();
        state.poll(live(prod1, prod2, test1, test2), T1, SnapshotMode.INITIAL, SessionScope.ALL);

        ChangeBatch narrowed = state.poll(live(prod1, prod2), T2, SnapshotMode.INITIAL, PROD);

        assertThat(narrowed.changes()).isEmpty();
        assertThat(state.sessionCount()).isEqualTo(2);
        OffsetFormat.StoredState baseline = stored(state.lastOffset());
        assertThat(baseline.scope()).isEqualTo("svm.name=prod");
        assertThat(baseline.sessions().size()).as("the forgotten sessions are not stored either").isEqualTo(2);
        assertThat(baseline.polledAt()).isEqualTo(T2);

        ChangeBatch later = state.poll(live(prod1), T3, SnapshotMode.INITIAL, PROD);
        assertThat(events(later)).as("a session still in scope logs out").containsExactly("LOGOUT 2");
        assertThat(stored(later.offsetAfter(0)).scope()).isEqualTo("svm.name=prod");
    }

    @Test
    void aRescopeReportsRealChangesOfTheSessionsItKeeps() {
        ClusterState state = ClusterState.fresh();
        state.poll(live(prod1, test1), T1, SnapshotMode.NEVER, SessionScope.ALL);
        IscsiSession prod1Reconnected = inSvm("prod", session(1, "iqn.p1", connection(1), connection(2)));

        ChangeBatch narrowed = state.poll(live(prod1Reconnected), T2, SnapshotMode.NEVER, PROD);

        assertThat(events(narrowed)).containsExactly("CONNECTION_CHANGE 1");
        assertThat(narrowed.changes().get(0).connectionsAdded()).containsExactly(prod1Reconnected.connections().get(1));
        OffsetFormat.StoredState after = stored(narrowed.offsetAfter(0));
        assertThat(after.scope()).isEqualTo("svm.name=prod");
        assertThat(after.sessions().size()).isEqualTo(1);
    }

    @Test
    void aWidenedFilterSnapshotsTheSessionsItNowCoversAndThenReportsLogins() {
        ClusterState state = ClusterState.fresh();
        state.poll(live(prod1), T1, SnapshotMode.INITIAL, PROD);

        ChangeBatch widened = state.poll(live(prod1, test1, test2), T2, SnapshotMode.INITIAL, SessionScope.ALL);

        assertThat(events(widened)).containsExactly("SNAPSHOT 3", "SNAPSHOT 4");
        assertThat(stored(widened.offsetAfter(0)).snapshotInProgress()).isTrue();
        assertThat(storedAndReadBack(widened.offsetAfter(1))).as("all sessions: no scope stored")
                .doesNotContainKey(OffsetFormat.SCOPE);
        assertThat(events(state.poll(live(prod1, test1, test2, test3), T3, SnapshotMode.INITIAL, SessionScope.ALL)))
                .containsExactly("LOGIN 5");
    }

    @Test
    void aWidenedFilterUnderNeverModeTakesTheNewSessionsInSilently() {
        ClusterState state = ClusterState.fresh();
        state.poll(live(prod1), T1, SnapshotMode.NEVER, PROD);

        ChangeBatch widened = state.poll(live(prod1, test1, test2), T2, SnapshotMode.NEVER, SessionScope.ALL);

        assertThat(widened.changes()).isEmpty();
        assertThat(stored(state.lastOffset()).sessions().size()).isEqualTo(3);
        assertThat(events(state.poll(live(prod1, test1, test3), T3, SnapshotMode.NEVER, SessionScope.ALL)))
                .containsExactly("LOGOUT 4", "LOGIN 5");
    }

    @Test
    void theSameFilterWrittenAnotherWayIsNoRescope() {
        ClusterState state = ClusterState.fresh();
        state.poll(live(prod1, prod2), T1, SnapshotMode.INITIAL, SessionScope.parse("svm.name=prod&tsih=>0"));

        ChangeBatch next = state.poll(live(prod1, test1), T2, SnapshotMode.INITIAL,
                SessionScope.parse(" tsih=>0 & svm.name=prod"));

        assertThat(events(next)).containsExactly("LOGOUT 2", "LOGIN 3");
        assertThat(stored(next.offsetAfter(0)).snapshotInProgress()).isFalse();
    }

    @Test
    void anOffsetWithoutScopeIsOneOfAllSessions() {
        ClusterState original = ClusterState.fresh();
        ChangeBatch first = original.poll(live(prod1, test1), T1, SnapshotMode.INITIAL, SessionScope.ALL);
        Map<String, Object> written = storedAndReadBack(first.offsetAfter(1));
        assertThat(written).as("as offsets were written before scopes").containsOnlyKeys(OffsetFormat.FORMAT,
                OffsetFormat.GENERATION, OffsetFormat.POLLED_AT, OffsetFormat.SESSIONS);
        assertThat(OffsetFormat.parse(written).scope()).isEmpty();

        ClusterState unfiltered = ClusterState.restore(OffsetFormat.parse(written));
        assertThat(events(unfiltered.poll(live(prod1), T2, SnapshotMode.INITIAL, SessionScope.ALL)))
                .as("no rescope: the logout is real").containsExactly("LOGOUT 3");
        ClusterState filtered = ClusterState.restore(OffsetFormat.parse(written));
        assertThat(filtered.poll(live(prod1), T2, SnapshotMode.INITIAL, PROD).changes()).as("a rescope").isEmpty();
    }

    @Test
    void aScopeThatIsNotTextMakesTheOffsetUnusable() {
        Map<String, Object> offset = new HashMap<>(storedAndReadBack(
                ClusterState.fresh().poll(live(prod1), T1, SnapshotMode.INITIAL, PROD).offsetAfter(0)));
        offset.put(OffsetFormat.SCOPE, 7L);

        assertThatThrownBy(() -> OffsetFormat.parse(offset)).isInstanceOf(UnusableOffsetException.class)
                .hasMessage("offset field 'scope' is not a string");
    }

    @Test
    void aTaskResumingMidRescopeFinishesTheSnapshotAndReportsNoLogoutForTheDeparted() {
        ClusterState original = ClusterState.fresh();
        original.poll(live(prod1, prod2), T1, SnapshotMode.INITIAL, PROD);
        ChangeBatch rescope = original.poll(live(test1, test2, test3), T2, SnapshotMode.INITIAL, TEST);
        assertThat(events(rescope)).containsExactly("SNAPSHOT 3", "SNAPSHOT 4", "SNAPSHOT 5");

        for (int committed = 0; committed < rescope.changes().size(); committed++) {
            OffsetFormat.StoredState stored = stored(rescope.offsetAfter(committed));
            assertThat(stored.scope()).isEqualTo("svm.name=test");
            assertThat(stored.sessions().size()).as("after record %d", committed).isEqualTo(committed + 1);
            assertThat(stored.snapshotInProgress()).isEqualTo(committed < 2);

            ClusterState resumed = ClusterState.restore(stored);
            ChangeBatch replay = resumed.poll(live(test1, test2, test3), T3, SnapshotMode.INITIAL, TEST);
            List<String> ids = ids(rescope);
            assertThat(ids(replay)).as("resuming after record %d", committed)
                    .isEqualTo(ids.subList(committed + 1, ids.size()));
            assertThat(events(resumed.poll(live(test1, test2), T4, SnapshotMode.INITIAL, TEST)))
                    .as("a real logout after the rescope").containsExactly("LOGOUT 5");
        }
    }

    @Test
    void aRescopeSnapshotsFirstSoThatAResumedBatchReplaysItsLoginsAsLogins() {
        ClusterState original = ClusterState.fresh();
        original.poll(live(prod1, prod2), T1, SnapshotMode.INITIAL, PROD);
        IscsiSession prod1ByAnother = inSvm("prod", session(1, "iqn.other", connection(1)));
        ChangeBatch rescope = original.poll(live(prod1ByAnother, prod2, test1), T2, SnapshotMode.INITIAL,
                SessionScope.ALL);
        assertThat(events(rescope)).containsExactly("SNAPSHOT 3", "LOGOUT 1", "LOGIN 1");

        for (int committed = 0; committed < rescope.changes().size(); committed++) {
            ClusterState resumed = ClusterState.restore(stored(rescope.offsetAfter(committed)));
            ChangeBatch replay = resumed.poll(live(prod1ByAnother, prod2, test1), T3, SnapshotMode.INITIAL,
                    SessionScope.ALL);
            List<String> ids = ids(rescope);
            assertThat(ids(replay)).as("resuming after record %d", committed)
                    .isEqualTo(ids.subList(committed + 1, ids.size()));
        }
    }
}
