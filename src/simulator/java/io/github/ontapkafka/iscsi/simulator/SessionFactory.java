package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.model.Svm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Builds realistic iSCSI sessions for a fixed SAN layout: a few SVMs, each with four iSCSI LIFs (its target portal
 * groups) and igroups per host type, and a growing population of Linux, Windows and ESXi hosts that log in, often
 * through several portals. Everything derives from the seed: the same calls give the same sessions.
 *
 * <p>Thread-safe; concurrent callers each get consistent sessions, but only a single caller gets reproducible ones.
 */
public final class SessionFactory {

    private static final List<String> SVM_NAMES = List.of("svm_prod_01", "svm_prod_02", "svm_dev_01");
    private static final List<String> LIF_NAMES = List.of("iscsi_lif_a1", "iscsi_lif_a2", "iscsi_lif_b1", "iscsi_lif_b2");
    /** ONTAP numbers an SVM's target portal groups from here. */
    private static final int FIRST_PORTAL_GROUP_TAG = 1027;
    private static final int ISCSI_PORT = 3260;
    /** IANA's dynamic port range, for connections from hosts of unknown kind. */
    private static final int FIRST_DYNAMIC_PORT = 49152;
    private static final int DYNAMIC_PORTS = 16384;
    private static final String BACKUP_IGROUP = "ig_backup";
    private static final int MIN_HOSTS = 4;
    /** The chance that a login comes from a host not seen before; the rest come from known hosts. */
    private static final double NEW_HOST_SHARE = 0.1;
    /** How often a session has 1, 2, 3 or 4 connections: most initiators use one per session. */
    private static final double[] CONNECTION_COUNT_ODDS = {0.70, 0.90, 0.97, 1.0};

    private final Random random;
    private final List<TargetPortal> portals = new ArrayList<>();
    private final Map<String, Map<HostOs, Igroup>> igroupsBySvm = new HashMap<>();
    private final Map<String, Igroup> backupIgroupBySvm = new HashMap<>();
    private final HostGenerator hostGenerator;
    private final List<SimulatedHost> hosts = new ArrayList<>();

    public SessionFactory(long seed) {
        this.random = new Random(seed);
        int lifHost = 1;
        for (String svmName : SVM_NAMES) {
            Svm svm = new Svm(uuid(), svmName);
            for (int i = 0; i < LIF_NAMES.size(); i++) {
                NetworkInterface lif = new NetworkInterface(uuid(), LIF_NAMES.get(i),
                        new IpEndpoint(HostGenerator.LIF_NETWORK + lifHost++, ISCSI_PORT));
                portals.add(new TargetPortal(svm, LIF_NAMES.get(i), FIRST_PORTAL_GROUP_TAG + i, lif));
            }
            Map<HostOs, Igroup> igroups = new EnumMap<>(HostOs.class);
            for (HostOs os : HostOs.values()) {
                igroups.put(os, new Igroup(uuid(), os.igroupName()));
            }
            igroupsBySvm.put(svm.uuid(), igroups);
            backupIgroupBySvm.put(svm.uuid(), new Igroup(uuid(), BACKUP_IGROUP));
        }
        this.hostGenerator = new HostGenerator(random);
    }

    /** Every portal of the layout, SVM by SVM. */
    public List<TargetPortal> portals() {
        return List.copyOf(portals);
    }

    public synchronized TargetPortal randomPortal() {
        return portals.get(random.nextInt(portals.size()));
    }

    /** A new login through {@code portal} under {@code tsih}, from a known or a new host. */
    public synchronized IscsiSession session(TargetPortal portal, int tsih) {
        return sessionFrom(pickHost(null), portal, tsih);
    }

    /** A new login under the key of {@code previous}, from another initiator: what a reused TSIH looks like. */
    public synchronized IscsiSession sessionReplacing(IscsiSession previous) {
        return sessionFrom(pickHost(previous.initiatorName()), TargetPortal.of(previous), previous.tsih());
    }

    /**
     * One more connection for {@code session}: the next free CID, from the address, authentication and LIF of its
     * first connection (or of a random host when it has none).
     */
    public synchronized Connection nextConnection(IscsiSession session) {
        int cid = session.connections().stream().mapToInt(Connection::cid).max().orElse(0) + 1;
        if (session.connections().isEmpty()) {
            return connection(pickHost(null), TargetPortal.of(session), cid);
        }
        Connection first = session.connections().get(0);
        String address = first.initiatorAddress() == null ? null : first.initiatorAddress().address();
        int sourcePort = FIRST_DYNAMIC_PORT + random.nextInt(DYNAMIC_PORTS);
        return new Connection(cid, first.authenticationType(), new IpEndpoint(address, sourcePort),
                first.networkInterface());
    }

    private IscsiSession sessionFrom(SimulatedHost host, TargetPortal portal, int tsih) {
        int connectionCount = connectionCount();
        List<Connection> connections = new ArrayList<>(connectionCount);
        for (int cid = 1; cid <= connectionCount; cid++) {
            connections.add(connection(host, portal, cid));
        }
        return new IscsiSession(portal.svm(), portal.name(), portal.tag(), tsih, host.nextIsid(), host.initiator(),
                igroups(host, portal.svm()), connections);
    }

    private Connection connection(SimulatedHost host, TargetPortal portal, int cid) {
        return new Connection(cid, host.authenticationType(), new IpEndpoint(host.address(), host.sourcePort(random)),
                portal.lif());
    }

    private List<Igroup> igroups(SimulatedHost host, Svm svm) {
        Map<HostOs, Igroup> igroups = igroupsBySvm.get(svm.uuid());
        if (igroups == null) {
            return List.of();
        }
        Igroup main = igroups.get(host.os());
        return host.isBackedUp() ? List.of(main, backupIgroupBySvm.get(svm.uuid())) : List.of(main);
    }

    /** A known host or a new one, never one whose initiator is {@code excludedIqn}. */
    private SimulatedHost pickHost(String excludedIqn) {
        if (hosts.size() >= MIN_HOSTS && random.nextDouble() >= NEW_HOST_SHARE) {
            SimulatedHost known = hosts.get(random.nextInt(hosts.size()));
            if (!known.initiator().name().equals(excludedIqn)) {
                return known;
            }
        }
        SimulatedHost fresh = hostGenerator.next();
        hosts.add(fresh);
        return fresh;
    }

    private int connectionCount() {
        double roll = random.nextDouble();
        int count = 1;
        while (roll >= CONNECTION_COUNT_ODDS[count - 1]) {
            count++;
        }
        return count;
    }

    /** A UUID shaped like ONTAP's time-based ones (version 1, IETF variant). */
    private String uuid() {
        long high = (random.nextLong() & ~0xf000L) | 0x1000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
