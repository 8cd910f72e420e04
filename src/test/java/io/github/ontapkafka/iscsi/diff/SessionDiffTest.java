package io.github.ontapkafka.iscsi.diff;

import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.state.SessionDigest;
import io.github.ontapkafka.iscsi.state.TrackedSession;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

class SessionDiffTest {

    private static final String HOST_A = "iqn.1994-05.com.redhat:host-a";
    private static final String HOST_B = "iqn.1991-05.com.microsoft:host-b";

    private static Map<SessionKey, TrackedSession> remembered(IscsiSession... sessions) {
        Map<SessionKey, TrackedSession> map = new HashMap<>();
        for (IscsiSession session : sessions) {
            map.put(session.key(), TrackedSession.of(session));
        }
        return map;
    }

    private static Map<SessionKey, TrackedSession> digestsOnly(IscsiSession... sessions) {
        Map<SessionKey, TrackedSession> map = new HashMap<>();
        for (IscsiSession session : sessions) {
            map.put(session.key(), new TrackedSession(SessionDigest.of(session), null));
        }
        return map;
    }

    private static List<SessionChange> diff(Map<SessionKey, TrackedSession> before, Map<SessionKey, IscsiSession> live) {
        return SessionDiff.compute(before, live, false, uuid -> "svm1").changes();
    }

    @Test
    void aNewSessionIsALoginAndOnTheFirstPollASnapshot() {
        IscsiSession a = session(1, HOST_A, connection(1));

        assertThat(diff(Map.of(), live(a))).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.LOGIN);
            assertThat(change.session()).isEqualTo(a);
            assertThat(change.digestBefore()).isEqualTo(SessionDigest.NONE);
            assertThat(change.digestAfter()).isEqualTo(SessionDigest.of(a));
        });
        assertThat(SessionDiff.compute(Map.of(), live(a), true, uuid -> null).changes())
                .extracting(SessionChange::type).containsExactly(ChangeType.SNAPSHOT);
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
        IscsiSession reused = session(5, HOST_B, connection(1));

        List<SessionChange> changes = diff(remembered(old), live(reused));

        assertThat(changes).extracting(SessionChange::type).containsExactly(ChangeType.LOGOUT, ChangeType.LOGIN);
        assertThat(changes.get(0).session()).isEqualTo(old);
        assertThat(changes.get(1).session()).isEqualTo(reused);
    }

    @Test
    void aReusedTsihWithAnotherIsidIsANewSessionToo() {
        IscsiSession old = session("iscsi_lif1", 5, "40:00:01:37:00:00", HOST_A, connection(1));
        IscsiSession reused = session("iscsi_lif1", 5, "40:00:01:37:00:01", HOST_A, connection(1));

        assertThat(diff(remembered(old), live(reused))).extracting(SessionChange::type)
                .containsExactly(ChangeType.LOGOUT, ChangeType.LOGIN);
    }

    @Test
    void descriptiveChangesMakeNoEventButAreRemembered() {
        IscsiSession before = session(1, HOST_A, connection(1));
        IscsiSession renamed = new IscsiSession(before.svm(), before.targetPortalGroup(), 2000, before.tsih(),
                before.isid(), new Initiator(HOST_A, "new alias", "moved to rack 9"), List.of(), before.connections());

        SessionDiff.Result result = SessionDiff.compute(remembered(before), live(renamed), false, uuid -> null);

        assertThat(result.changes()).isEmpty();
        assertThat(result.next().get(before.key()).session()).isEqualTo(renamed);
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
        IscsiSession gone = session(2, HOST_A, connection(1));
        IscsiSession before = session(3, HOST_A, connection(1));
        IscsiSession after = session(3, HOST_A, connection(1), connection(2));
        IscsiSession oldLogin = session(4, HOST_A, connection(1));
        IscsiSession newLogin = session(4, HOST_B, connection(1));

        List<SessionChange> changes = diff(digestsOnly(unchanged, gone, before, oldLogin), live(unchanged, after, newLogin));

        assertThat(changes).extracting(c -> c.key().tsih() + ":" + c.type())
                .containsExactly("2:LOGOUT", "3:CONNECTION_CHANGE", "4:LOGOUT", "4:LOGIN");
        SessionChange logout = changes.get(0);
        assertThat(logout.session()).isEqualTo(IscsiSession.keyOnly(gone.key(), "svm1"));
        SessionChange connectionChange = changes.get(1);
        assertThat(connectionChange.session()).isEqualTo(after);
        assertThat(connectionChange.connectionsAdded()).as("previous connections unknown").isNull();
        assertThat(connectionChange.connectionsRemoved()).isNull();
    }

    @Test
    void anUnchangedSessionKeepsItsRememberedEntry() {
        IscsiSession a = session(1, HOST_A, connection(1));
        Map<SessionKey, TrackedSession> before = remembered(a);

        SessionDiff.Result result = SessionDiff.compute(before, live(session(1, HOST_A, connection(1))), false, u -> null);

        assertThat(result.changes()).isEmpty();
        assertThat(result.next().get(a.key())).isSameAs(before.get(a.key()));
    }
}
