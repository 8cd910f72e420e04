package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.Initiator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invents hosts with addresses from the documentation ranges (RFC 5737, RFC 3849) only. IPv4 addresses are handed
 * out once each; when they run out, and for a share of hosts anyway, hosts get IPv6 addresses.
 */
final class HostGenerator {

    /** Where the simulated LIFs live; initiators never get these addresses. */
    static final String LIF_NETWORK = "203.0.113.";
    private static final int FIRST_INITIATOR_HOST_IN_LIF_NETWORK = 100;
    private static final double IPV6_SHARE = 0.2;
    private static final double CHAP_SHARE = 0.6;
    private static final double BACKUP_SHARE = 0.1;
    private static final String[] COMMENTS = {
            "Oracle RAC node", "SQL Server failover cluster", "VMware cluster A", "file server", "backup media server"};
    private static final double COMMENT_SHARE = 0.3;

    private final Random random;
    private final Deque<String> freeIpv4;
    private final Map<HostOs, Integer> hostsPerOs = new EnumMap<>(HostOs.class);

    HostGenerator(Random random) {
        this.random = random;
        this.freeIpv4 = new ArrayDeque<>(shuffledInitiatorIpv4(random));
    }

    SimulatedHost next() {
        HostOs os = HostOs.pick(random);
        int number = hostsPerOs.merge(os, 1, Integer::sum);
        String hostName = os.hostName(number);
        String comment = random.nextDouble() < COMMENT_SHARE
                ? COMMENTS[random.nextInt(COMMENTS.length)] + " " + number : null;
        Initiator initiator = new Initiator(os.iqn(hostName, random), os.alias(hostName), comment);
        String address = freeIpv4.isEmpty() || random.nextDouble() < IPV6_SHARE ? ipv6() : freeIpv4.pop();
        String authentication = random.nextDouble() < CHAP_SHARE ? "chap" : "none";
        return new SimulatedHost(os, initiator, address, authentication, random.nextDouble() < BACKUP_SHARE);
    }

    private String ipv6() {
        return String.format("2001:db8:%x:%x::%x", random.nextInt(0x10000), random.nextInt(0x10000),
                1 + random.nextInt(0xfffe));
    }

    private static List<String> shuffledInitiatorIpv4(Random random) {
        List<String> addresses = new ArrayList<>();
        for (int host = 1; host <= 254; host++) {
            addresses.add("192.0.2." + host);
            addresses.add("198.51.100." + host);
            if (host >= FIRST_INITIATOR_HOST_IN_LIF_NETWORK) {
                addresses.add(LIF_NETWORK + host);
            }
        }
        Collections.shuffle(addresses, random);
        return addresses;
    }
}
