package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.fixtures.Sessions;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.model.Svm;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sessions for property tests, of two kinds: any session the model allows (every optional field null or odd), to
 * check that encodings keep everything; and sessions of one small cluster, drawn from a few values each, so that
 * random histories hit the same keys, logins and shared values again and again.
 */
final class SessionArbitraries {

    static final String SVM_A = Sessions.SVM_UUID;
    static final String SVM_B = "5b0f3a1c-9d2e-4c6b-8a7f-0123456789ab";
    static final List<String> ISIDS = List.of("40:00:01:37:00:00", "40:00:01:37:00:01", "400001370000", "");
    static final List<String> INITIATORS = List.of("iqn.1994-05.com.redhat:host-a",
            "iqn.1991-05.com.microsoft:host-b", "iqn.2001-04.com.example:host-ç");
    static final Igroup HOSTS = new Igroup("af7838cd-f993-4faf-90b7-5524787ae1e8", "hosts");
    static final Igroup DATABASES = new Igroup("0c1e3d5f-7a9b-4c2d-8e6f-a1b2c3d4e5f6", "db");

    private SessionArbitraries() {
    }

    /** Any text, Unicode beyond the BMP included (but no lone surrogates, which UTF-8 cannot carry), often empty. */
    static Arbitrary<String> text() {
        Arbitrary<String> scalarValues = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .list().ofMaxSize(8)
                .map(codePoints -> codePoints.stream().map(Character::toString).collect(Collectors.joining()));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("-_.:").ofMaxLength(16)),
                Tuple.of(1, scalarValues));
    }

    /** Any session: optional fields null anywhere, ISIDs packed or not, IPv6, unknown ports, up to 40 connections. */
    static Arbitrary<IscsiSession> anySession() {
        Arbitrary<Svm> svm = Combinators.combine(text(), text().injectNull(0.3)).as(Svm::new);
        Arbitrary<Initiator> initiator = Combinators.combine(text().injectNull(0.2), text().injectNull(0.3),
                text().injectNull(0.5)).as(Initiator::new);
        Arbitrary<List<Igroup>> igroups = Combinators.combine(text().injectNull(0.2), text().injectNull(0.2))
                .as(Igroup::new).list().ofMaxSize(4);
        return Combinators.combine(svm, text(), Arbitraries.integers().injectNull(0.3),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE), anyIsid(), initiator.injectNull(0.2),
                        igroups.injectNull(0.2), anyConnection().list().ofMaxSize(40).injectNull(0.2))
                .as(IscsiSession::new);
    }

    /** Mostly the form ONTAP gives (packed into 6 bytes when stored), but any text must survive as well. */
    static Arbitrary<String> anyIsid() {
        Arbitrary<String> usual = Arbitraries.bytes().array(byte[].class).ofSize(6)
                .map(bytes -> HexFormat.ofDelimiter(":").formatHex(bytes));
        return Arbitraries.frequencyOf(
                Tuple.of(4, usual),
                Tuple.of(1, usual.map(isid -> isid.toUpperCase(java.util.Locale.ROOT))),
                Tuple.of(1, usual.map(isid -> isid.replace(":", ""))),
                Tuple.of(1, usual.map(isid -> isid + ":00")),
                Tuple.of(2, text()),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    static Arbitrary<Connection> anyConnection() {
        Arbitrary<String> address = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).map(octet -> "192.0.2." + octet),
                Arbitraries.integers().between(0, 0xffff).map(group -> "2001:db8::" + Integer.toHexString(group)),
                Arbitraries.just("fe80::1%eth0"),
                text());
        Arbitrary<IpEndpoint> endpoint = Combinators.combine(address.injectNull(0.1),
                Arbitraries.integers().between(0, 65535).injectNull(0.3)).as(IpEndpoint::new);
        Arbitrary<NetworkInterface> lif = Combinators.combine(text().injectNull(0.2), text().injectNull(0.2),
                endpoint.injectNull(0.2)).as(NetworkInterface::new);
        return Combinators.combine(Arbitraries.integers(), text().injectNull(0.3), endpoint.injectNull(0.2),
                lif.injectNull(0.2)).as(Connection::new);
    }

    /**
     * A session of a cluster of two SVMs with two portal groups and TSIHs 1 to 6: new sessions often land on the
     * key of another, and share initiators, igroups and LIFs. Its SVM name is left to the caller, which keeps one
     * per SVM.
     */
    static Arbitrary<IscsiSession> clusterSession() {
        Arbitrary<Svm> svm = Arbitraries.of(SVM_A, SVM_B).map(uuid -> new Svm(uuid, null));
        Arbitrary<Initiator> initiator = Combinators.combine(Arbitraries.of(INITIATORS).injectNull(0.1),
                Arbitraries.of("alias", "ālias").injectNull(0.3), Arbitraries.of("rack 9").injectNull(0.7))
                .as(Initiator::new);
        return Combinators.combine(svm, Arbitraries.of("iscsi_lif1", "iscsi_lif2"), clusterTag(),
                        Arbitraries.integers().between(1, 6), Arbitraries.of(ISIDS).injectNull(0.1),
                        initiator.injectNull(0.05), clusterIgroups(), clusterConnections())
                .as(IscsiSession::new);
    }

    static Arbitrary<Integer> clusterTag() {
        return Arbitraries.of(1027, 1028).injectNull(0.2);
    }

    static Arbitrary<List<Igroup>> clusterIgroups() {
        return Arbitraries.<List<Igroup>>of(List.of(), List.of(HOSTS), List.of(HOSTS, DATABASES)).injectNull(0.1);
    }

    /** Up to three connections with distinct cids, as a session has them; sometimes none reported at all. */
    static Arbitrary<List<Connection>> clusterConnections() {
        return Arbitraries.integers().between(1, 5).set().ofMaxSize(3)
                .flatMap(cids -> Combinators.combine(cids.stream().map(SessionArbitraries::clusterConnection).toList())
                        .as(connections -> connections))
                .injectNull(0.1);
    }

    /** A connection in one of the states a cid goes through: IPv4 or IPv6, another port, nothing reported. */
    static Arbitrary<Connection> clusterConnection(int cid) {
        return Arbitraries.of(
                Sessions.connection(cid),
                Sessions.connection(cid, "2001:db8::" + cid),
                Sessions.connection(cid, "192.0.2.99"),
                new Connection(cid, "none", new IpEndpoint("192.0.2.50", null), null),
                new Connection(cid, null, null, null));
    }
}
