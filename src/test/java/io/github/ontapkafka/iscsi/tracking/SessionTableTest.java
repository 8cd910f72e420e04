package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.fixtures.FingerprintedPoll;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.model.Svm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

class SessionTableTest {

    /** Whether a poll whose only record has this fingerprint shows a tracked session unchanged. */
    private static boolean knows(SessionTable table, long fingerprint) {
        return table.markUnchanged(new FingerprintedPoll().record(fingerprint, null)).isEmpty();
    }

    private static SessionUpdate put(IscsiSession session, long fingerprint) {
        return new SessionUpdate(session.key(), session, SessionDigest.of(session), fingerprint);
    }

    @Test
    void keepsEachSessionsContentExactlyIncludingWhatOntapLeftOut() {
        IscsiSession full = session(7, "iqn.1994-05.com.redhat:a", connection(1), connection(2, "2001:db8::7"));
        IscsiSession sparse = new IscsiSession(new Svm(full.svm().uuid(), null), "lif2", null, 65535, null, null, null,
                List.of(new Connection(-3, null, null, null),
                        new Connection(4, "none", new IpEndpoint(null, null), new NetworkInterface(null, null, null)),
                        new Connection(5, "chap", new IpEndpoint("192.0.2.9", null), null)));
        IscsiSession noConnections = new IscsiSession(full.svm(), "lif3", -1, 0, "", new Initiator(null, null, null),
                List.of(new Igroup(null, "ig")), List.of());
        IscsiSession upperCaseIsid = session("lif4", 9, "40:00:01:37:00:0A", "iqn.b", connection(1));
        IscsiSession bareIsid = session("lif4", 10, "400001370000", "iqn.b", connection(1));
        SessionTable table = SessionTable.empty();

        table.apply(List.of(put(full, 1), put(sparse, 2), put(noConnections, 3), put(upperCaseIsid, 4),
                put(bareIsid, 5)));

        assertThat(table.content(table.get(full.key()))).isEqualTo(full);
        assertThat(table.content(table.get(sparse.key()))).isEqualTo(sparse);
        assertThat(table.content(table.get(noConnections.key()))).isEqualTo(noConnections);
        assertThat(table.content(table.get(upperCaseIsid.key()))).isEqualTo(upperCaseIsid);
        assertThat(table.content(table.get(bareIsid.key()))).isEqualTo(bareIsid);
    }

    @Test
    void findsSessionsByTheirLatestRecordsFingerprintOnly() {
        IscsiSession a = session(1, "iqn.a", connection(1));
        IscsiSession aChanged = session(1, "iqn.a", connection(1), connection(2));
        SessionTable table = SessionTable.empty();
        table.apply(List.of(put(a, 10)));

        table.apply(List.of(put(aChanged, 11)));

        assertThat(knows(table, 10)).isFalse();
        assertThat(knows(table, 11)).isTrue();
        assertThat(table.get(a.key()).fingerprint()).isEqualTo(11);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void theFingerprintIndexSurvivesManyAdditionsAndRemovalsInAnyOrder() {
        SessionTable table = SessionTable.empty();
        List<SessionUpdate> updates = new ArrayList<>();
        for (int tsih = 1; tsih <= 3_000; tsih++) {
            // Fingerprints sharing their low bits pile up in the same slots: the worst case for linear probing.
            updates.add(put(session(tsih, "iqn.host" + tsih, connection(1)), (long) tsih << 40 | 5));
        }
        table.apply(updates);
        List<SessionUpdate> removals = new ArrayList<>();
        for (int tsih = 1; tsih <= 3_000; tsih += 2) {
            removals.add(SessionUpdate.removal(new SessionKey(updates.get(0).key().svmUuid(), "iscsi_lif1", tsih)));
        }
        table.apply(removals);

        for (int tsih = 1; tsih <= 3_000; tsih++) {
            assertThat(knows(table, (long) tsih << 40 | 5)).as("tsih %d", tsih).isEqualTo(tsih % 2 == 0);
        }
        assertThat(table.size()).isEqualTo(1_500);
    }

    @Test
    void tellsWhichSessionsAPollShowedUnchangedAndWhichNot() {
        IscsiSession a = session(1, "iqn.a", connection(1));
        IscsiSession b = session(2, "iqn.b", connection(1));
        IscsiSession c = session(3, "iqn.c", connection(1));
        SessionTable table = SessionTable.ofDigests(DigestSnapshot.EMPTY.apply(List.of(
                new SessionChange(ChangeType.LOGIN, c.key(), c, SessionDigest.NONE, SessionDigest.of(c), null, null,
                        null)), 1));
        table.apply(List.of(put(a, 1), put(b, 2)));

        List<Integer> unknown = table.markUnchanged(new FingerprintedPoll().record(2, b).record(7, a));

        assertThat(unknown).containsExactly(1);
        assertThat(table.markedUnchanged(table.get(b.key()))).isTrue();
        assertThat(table.markedUnchanged(table.get(a.key()))).isFalse();
        List<SessionKey> notMarked = new ArrayList<>();
        table.forEachNotMarked(session -> notMarked.add(session.key()));
        assertThat(notMarked).as("a, and c known from an offset only").containsExactlyInAnyOrder(a.key(), c.key());
    }

    @Test
    void sessionsShareEqualValuesAndTheirKeysStrings() {
        IscsiSession a = session(1, "iqn.a", connection(1));
        IscsiSession b = session(2, "iqn.a", connection(1));
        SessionKey bKey = new SessionKey(new String(b.key().svmUuid()), new String(b.key().targetPortalGroup()), 2);
        SessionTable table = SessionTable.empty();

        table.apply(List.of(put(a, 1), new SessionUpdate(bKey, b, SessionDigest.of(b), 2)));

        TrackedSession first = table.get(a.key());
        TrackedSession second = table.get(b.key());
        assertThat(second.key().svmUuid()).isSameAs(first.key().svmUuid());
        assertThat(second.key().targetPortalGroup()).isSameAs(first.key().targetPortalGroup());
        assertThat(table.content(second).connections().get(0).networkInterface())
                .isSameAs(table.content(first).connections().get(0).networkInterface());
        assertThat(table.canonical(new SessionKey(new String(a.key().svmUuid()), "iscsi_lif1", 1))).isSameAs(first.key());
    }
}
