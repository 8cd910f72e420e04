package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.ontap.LiveSessions;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.fixtures.FingerprintedPoll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static io.github.ontapkafka.iscsi.tracking.Membership.LOGINS_AND_LOGOUTS;
import static io.github.ontapkafka.iscsi.tracking.Membership.SNAPSHOTS;
import static io.github.ontapkafka.iscsi.tracking.Membership.UNREPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionDiffTest {

    private static final String HOST_A = "iqn.1994-05.com.redhat:host-a";
    private static final String HOST_B = "iqn.1991-05.com.microsoft:host-b";
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    /** A poll after {@code kept}, {@code gone} and {@code reused}: one of each kind of change. */
    private final IscsiSession kept = session(1, HOST_A, connection(1));
    private final IscsiSession keptChanged = session(1, HOST_A, connection(1), connection(2));
    private final IscsiSession gone = session(2, HOST_A, connection(1));
    private final IscsiSession reused = session(3, HOST_A, connection(1));
    private final IscsiSession reusedByAnother = session(3, HOST_B, connection(1));
    private final IscsiSession arrived = session(4, HOST_B, connection(1));

    private static SessionTable remembered(IscsiSession... sessions) {
        SessionTable table = SessionTable.empty();
        table.apply(SessionDiff.compute(table, live(sessions), LOGINS_AND_LOGOUTS, uuid -> null, key -> null, NOW)
                .updates());
        return table;
    }

    private static SessionTable digestsOnly(IscsiSession... sessions) {
        return SessionTable.ofDigests(DigestSnapshot.EMPTY.apply(
                SessionDiff.compute(SessionTable.empty(), live(sessions), LOGINS_AND_LOGOUTS, uuid -> null,
                        key -> null, NOW).changes(),
                sessions.length));
    }

    private static List<SessionChange> diff(SessionTable before, LiveSessions<IllegalStateException> live) {
        return SessionDiff.compute(before, live, LOGINS_AND_LOGOUTS, uuid -> "svm1", key -> null, NOW).changes();
    }

    @Test
    void aNewSessionIsALoginAndOnTheFirstPollASnapshot() {
        IscsiSession a = session(1, HOST_A, connection(1));

        assertThat(diff(SessionTable.empty(), live(a))).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.LOGIN);
            assertThat(change.session()).isEqualTo(a);
            assertThat(change.digestBefore()).isEqualTo(SessionDigest.NONE);
            assertThat(change.digestAfter()).isEqualTo(SessionDigest.of(a));
        });
        assertThat(SessionDiff.compute(SessionTable.empty(), live(a), SNAPSHOTS, uuid -> null, key -> null, NOW)
                .changes()).extracting(SessionChange::type).containsExactly(ChangeType.SNAPSHOT);
    }

    /**
     * A login is first seen exactly now, a snapshot at least since now; a logout and a change of connections carry
     * the time the session was first seen, and a new login under a reused key starts a time of its own.
     */
    @Test
    void eachChangeTellsWhenItsSessionWasFirstSeen() {
        FirstSeen earlier = FirstSeen.atLeastSince(NOW.minusSeconds(3600));
        FirstSeen loggedIn = FirstSeen.exactly(NOW.minusSeconds(60));
        Map<SessionKey, FirstSeen> firstSeen = Map.of(kept.key(), earlier, gone.key(), loggedIn, reused.key(), earlier);

        List<SessionChange> changes = SessionDiff.compute(remembered(kept, gone, reused),
                live(keptChanged, reusedByAnother, arrived), LOGINS_AND_LOGOUTS, uuid -> null, firstSeen::get, NOW)
                .changes();

        assertThat(changes).extracting(c -> c.key().tsih() + ":" + c.type() + ":" + c.firstSeen()).containsExactly(
                "1:CONNECTION_CHANGE:" + earlier, "2:LOGOUT:" + loggedIn, "3:LOGOUT:" + earlier,
                "3:LOGIN:" + FirstSeen.exactly(NOW), "4:LOGIN:" + FirstSeen.exactly(NOW));
        assertThat(SessionDiff.compute(SessionTable.empty(), live(arrived), SNAPSHOTS, uuid -> null, key -> null, NOW)
                .changes()).extracting(SessionChange::firstSeen).containsExactly(FirstSeen.atLeastSince(NOW));
    }

    @Test
    void aVanishedSessionIsALogoutCarryingItsLastState() {
        IscsiSession a = session(1, HOST_A, connection(1));

        assertThat(diff(remembered(a), live())).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.LOGOUT);
            assertThat(change.session()).isEqualTo(a);
            assertThat(change.digestAfter()).isEqualTo(SessionDigest.NONE);
        });
    }

    @Test
    void connectionsAddedDroppedAndChangedAreListedByCid() {
        IscsiSession before = session(1, HOST_A, connection(1), connection(2), connection(3));
        IscsiSession after = session(1, HOST_A, connection(1), connection(3, "192.0.2.99"), connection(4));

        assertThat(diff(remembered(before), live(after))).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.CONNECTION_CHANGE);
            assertThat(change.session()).isEqualTo(after);
            assertThat(change.connectionsAdded()).containsExactly(connection(3, "192.0.2.99"), connection(4));
            assertThat(change.connectionsRemoved()).containsExactly(connection(2), connection(3));
        });
    }

    @Test
    void aReusedTsihWithAnotherInitiatorIsALogoutThenALogin() {
        IscsiSession old = session(5, HOST_A, connection(1));
        IscsiSession takenOver = session(5, HOST_B, connection(1));

        List<SessionChange> changes = diff(remembered(old), live(takenOver));

        assertThat(changes).extracting(SessionChange::type).containsExactly(ChangeType.LOGOUT, ChangeType.LOGIN);
        assertThat(changes.get(0).session()).isEqualTo(old);
        assertThat(changes.get(1).session()).isEqualTo(takenOver);
    }

    @Test
    void aReusedTsihWithAnotherIsidIsANewSessionToo() {
        IscsiSession old = session("iscsi_lif1", 5, "40:00:01:37:00:00", HOST_A, connection(1));
        IscsiSession withNewIsid = session("iscsi_lif1", 5, "40:00:01:37:00:01", HOST_A, connection(1));

        assertThat(diff(remembered(old), live(withNewIsid))).extracting(SessionChange::type)
                .containsExactly(ChangeType.LOGOUT, ChangeType.LOGIN);
    }

    @Test
    void descriptiveChangesMakeNoEventButAreRemembered() {
        IscsiSession before = session(1, HOST_A, connection(1));
        IscsiSession renamed = new IscsiSession(before.svm(), before.targetPortalGroup(), 2000, before.tsih(),
                before.isid(), new Initiator(HOST_A, "new alias", "moved to rack 9"), List.of(), before.connections());

        SessionTable table = remembered(before);
        SessionDiff.Result result = SessionDiff.compute(table, live(renamed), LOGINS_AND_LOGOUTS,
                uuid -> null, key -> null, NOW);
        table.apply(result.updates());

        assertThat(result.changes()).isEmpty();
        assertThat(table.content(table.get(before.key()))).isEqualTo(renamed);
    }

    @Test
    void changesComeInKeyOrderWhateverTheInputOrder() {
        IscsiSession s3 = session(3, HOST_A, connection(1));
        IscsiSession s1 = session(1, HOST_A, connection(1));
        IscsiSession s2 = session(2, HOST_B, connection(1));

        assertThat(diff(remembered(s2), live(s3, s1))).extracting(c -> c.key().tsih() + ":" + c.type())
                .containsExactly("1:LOGIN", "2:LOGOUT", "3:LOGIN");
    }

    @Test
    void afterARestartOnlyDigestsAreKnown() {
        IscsiSession unchanged = session(1, HOST_A, connection(1));
        IscsiSession loggedOut = session(2, HOST_A, connection(1));
        IscsiSession before = session(3, HOST_A, connection(1));
        IscsiSession after = session(3, HOST_A, connection(1), connection(2));
        IscsiSession oldLogin = session(4, HOST_A, connection(1));
        IscsiSession newLogin = session(4, HOST_B, connection(1));

        List<SessionChange> changes = diff(digestsOnly(unchanged, loggedOut, before, oldLogin), live(unchanged, after, newLogin));

        assertThat(changes).extracting(c -> c.key().tsih() + ":" + c.type())
                .containsExactly("2:LOGOUT", "3:CONNECTION_CHANGE", "4:LOGOUT", "4:LOGIN");
        SessionChange logout = changes.get(0);
        assertThat(logout.session()).isEqualTo(IscsiSession.keyOnly(loggedOut.key(), "svm1"));
        SessionChange connectionChange = changes.get(1);
        assertThat(connectionChange.session()).isEqualTo(after);
        assertThat(connectionChange.connectionsAdded()).as("previous connections unknown").isNull();
        assertThat(connectionChange.connectionsRemoved()).isNull();
    }

    @Test
    void aNewBaselineComparesTheSessionsItKeepsAndLetsOthersComeAndGoUnreported() {

        for (Membership membership : new Membership[]{SNAPSHOTS, UNREPORTED}) {
            SessionDiff.Result result = SessionDiff.compute(remembered(kept, gone, reused),
                    live(keptChanged, reusedByAnother, arrived), membership, uuid -> null, key -> null, NOW);

            assertThat(result.unreported()).as("%s", membership)
                    .extracting(c -> c.key().tsih() + ":" + c.type())
                    .containsExactlyElementsOf(membership == SNAPSHOTS ? List.of("2:LOGOUT")
                            : List.of("2:LOGOUT", "4:SNAPSHOT"));
            assertThat(result.changes()).as("%s", membership)
                    .extracting(c -> c.key().tsih() + ":" + c.type())
                    .containsExactlyElementsOf(membership == SNAPSHOTS
                            ? List.of("4:SNAPSHOT", "1:CONNECTION_CHANGE", "3:LOGOUT", "3:LOGIN")
                            : List.of("1:CONNECTION_CHANGE", "3:LOGOUT", "3:LOGIN"));
            assertThat(result.updates()).as("the table forgets and learns them all the same")
                    .extracting(update -> update.key().tsih() + ":" + (update.session() != null))
                    .containsExactlyInAnyOrder("2:false", "1:true", "3:true", "4:true");
        }
    }

    @Test
    void aRecordKnownByItsFingerprintIsNotReadAndChangesNothing() {
        IscsiSession a = session(1, HOST_A, connection(1));
        IscsiSession b = session(2, HOST_B, connection(1));
        SessionTable table = SessionTable.empty();
        table.apply(SessionDiff.compute(table, new FingerprintedPoll().record(11, a).record(12, b), LOGINS_AND_LOGOUTS,
                u -> null, key -> null, NOW).updates());

        FingerprintedPoll again = new FingerprintedPoll().record(12, b).record(11, a);
        SessionDiff.Result result = SessionDiff.compute(table, again, LOGINS_AND_LOGOUTS, u -> null, key -> null, NOW);

        assertThat(again.read()).isEmpty();
        assertThat(result.changes()).isEmpty();
        assertThat(result.updates()).isEmpty();
    }

    @Test
    void onlyRecordsWithUnknownFingerprintsAreRead() {
        IscsiSession a = session(1, HOST_A, connection(1));
        IscsiSession b = session(2, HOST_B, connection(1));
        IscsiSession bMoreConnections = session(2, HOST_B, connection(1), connection(2));
        SessionTable table = SessionTable.empty();
        table.apply(SessionDiff.compute(table, new FingerprintedPoll().record(11, a).record(12, b), LOGINS_AND_LOGOUTS,
                u -> null, key -> null, NOW).updates());

        FingerprintedPoll next = new FingerprintedPoll().record(11, a).record(13, bMoreConnections);
        SessionDiff.Result result = SessionDiff.compute(table, next, LOGINS_AND_LOGOUTS, u -> null, key -> null, NOW);

        assertThat(next.read()).containsExactly(1);
        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.CONNECTION_CHANGE);
            assertThat(change.connectionsAdded()).containsExactly(connection(2));
            assertThat(change.connectionsRemoved()).isEmpty();
        });
    }

    @Test
    void aKeyListedTwiceFailsThePollWhetherItsRecordsAreKnownOrNot() {
        IscsiSession a = session(1, HOST_A, connection(1));
        SessionTable table = SessionTable.empty();
        table.apply(SessionDiff.compute(table, new FingerprintedPoll().record(11, a), LOGINS_AND_LOGOUTS, u -> null,
                key -> null, NOW).updates());

        assertThatThrownBy(() -> SessionDiff.compute(table, new FingerprintedPoll().record(11, a).record(11, a),
                LOGINS_AND_LOGOUTS, u -> null, key -> null, NOW))
                .hasMessageContaining("record 1").hasMessageContaining("listed twice");
        assertThatThrownBy(() -> SessionDiff.compute(table, new FingerprintedPoll().record(11, a).record(12, a),
                LOGINS_AND_LOGOUTS, u -> null, key -> null, NOW))
                .hasMessageContaining("record 1").hasMessageContaining("listed twice");
        assertThatThrownBy(() -> SessionDiff.compute(table, new FingerprintedPoll().record(12, a).record(13, a),
                LOGINS_AND_LOGOUTS, u -> null, key -> null, NOW))
                .hasMessageContaining("record 1").hasMessageContaining("listed twice");
    }
}
