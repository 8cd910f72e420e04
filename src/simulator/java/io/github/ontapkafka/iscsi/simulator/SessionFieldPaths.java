package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * The fields of an iSCSI session record by ONTAP's dotted paths ({@code svm.name}, {@code connections.cid}), as
 * query filters name them. A path inside an array ({@code igroups}, {@code connections}) has one value per element.
 */
final class SessionFieldPaths {

    static final FieldPaths<IscsiSession> PATHS = new FieldPaths<IscsiSession>(Map.ofEntries(
            entry("svm.name", session -> Stream.of(session.svm().name())),
            entry("svm.uuid", session -> Stream.of(session.svm().uuid())),
            entry("target_portal_group", session -> Stream.of(session.targetPortalGroup())),
            entry("target_portal_group_tag", session -> Stream.of(session.targetPortalGroupTag())),
            entry("tsih", session -> Stream.of(session.tsih())),
            entry("isid", session -> Stream.of(session.isid())),
            entry("initiator.name", session -> initiator(session).map(Initiator::name)),
            entry("initiator.alias", session -> initiator(session).map(Initiator::alias)),
            entry("initiator.comment", session -> initiator(session).map(Initiator::comment)),
            entry("igroups.name", session -> igroups(session).map(Igroup::name)),
            entry("igroups.uuid", session -> igroups(session).map(Igroup::uuid)),
            entry("connections.cid", session -> connections(session).map(Connection::cid)),
            entry("connections.authentication_type",
                    session -> connections(session).map(Connection::authenticationType)),
            entry("connections.initiator_address.address",
                    session -> initiatorAddresses(session).map(IpEndpoint::address)),
            entry("connections.initiator_address.port", session -> initiatorAddresses(session).map(IpEndpoint::port)),
            entry("connections.interface.name", session -> interfaces(session).map(NetworkInterface::name)),
            entry("connections.interface.uuid", session -> interfaces(session).map(NetworkInterface::uuid)),
            entry("connections.interface.ip.address", session -> interfaceIps(session).map(IpEndpoint::address)),
            entry("connections.interface.ip.port", session -> interfaceIps(session).map(IpEndpoint::port))));

    private SessionFieldPaths() {
    }

    private static Stream<Initiator> initiator(IscsiSession session) {
        return Stream.ofNullable(session.initiator());
    }

    private static Stream<Igroup> igroups(IscsiSession session) {
        return session.igroups() == null ? Stream.empty() : session.igroups().stream();
    }

    private static Stream<Connection> connections(IscsiSession session) {
        return session.connectionsOrEmpty().stream();
    }

    private static Stream<IpEndpoint> initiatorAddresses(IscsiSession session) {
        return connections(session).map(Connection::initiatorAddress).filter(Objects::nonNull);
    }

    private static Stream<NetworkInterface> interfaces(IscsiSession session) {
        return connections(session).map(Connection::networkInterface).filter(Objects::nonNull);
    }

    private static Stream<IpEndpoint> interfaceIps(IscsiSession session) {
        return interfaces(session).map(NetworkInterface::ip).filter(Objects::nonNull);
    }
}
