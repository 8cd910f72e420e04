package io.github.ontapkafka.iscsi.simulator;

import java.util.Random;

/** The initiator software of a simulated host, which shapes its IQN, alias, ISIDs and source ports. */
enum HostOs {
    LINUX("00:02:3d:01", 32768, 60999, "ig_linux_app") {
        @Override
        String hostName(int number) {
            return String.format("rhel-app-%03d", number);
        }

        @Override
        String iqn(String hostName, Random random) {
            return "iqn.1994-05.com.redhat:" + hex(random, 12);
        }

        @Override
        String alias(String hostName) {
            return hostName;
        }
    },
    WINDOWS("40:00:01:37", 49152, 65535, "ig_windows_sql") {
        @Override
        String hostName(int number) {
            return String.format("db-host-%03d.corp.example.com", number);
        }

        @Override
        String iqn(String hostName, Random random) {
            return "iqn.1991-05.com.microsoft:" + hostName;
        }

        /** The Microsoft initiator sets no alias, so ONTAP reports none. */
        @Override
        String alias(String hostName) {
            return null;
        }
    },
    ESXI("00:02:3d:00", 49152, 65535, "ig_esx_cluster01") {
        @Override
        String hostName(int number) {
            return String.format("esx-%02d", number);
        }

        @Override
        String iqn(String hostName, Random random) {
            return "iqn.1998-01.com.vmware:" + hostName + "-" + hex(random, 8);
        }

        @Override
        String alias(String hostName) {
            return hostName;
        }
    };

    private final String isidPrefix;
    private final int firstSourcePort;
    private final int lastSourcePort;
    private final String igroupName;

    HostOs(String isidPrefix, int firstSourcePort, int lastSourcePort, String igroupName) {
        this.isidPrefix = isidPrefix;
        this.firstSourcePort = firstSourcePort;
        this.lastSourcePort = lastSourcePort;
        this.igroupName = igroupName;
    }

    abstract String hostName(int number);

    abstract String iqn(String hostName, Random random);

    abstract String alias(String hostName);

    /** The ISID of this host's {@code sequence}-th session: the initiator's fixed qualifier, then a counter. */
    String isid(int sequence) {
        return String.format("%s:%02x:%02x", isidPrefix, (sequence >> 8) & 0xff, sequence & 0xff);
    }

    int sourcePort(Random random) {
        return firstSourcePort + random.nextInt(lastSourcePort - firstSourcePort + 1);
    }

    /** The igroup an administrator typically puts hosts of this kind in. */
    String igroupName() {
        return igroupName;
    }

    static HostOs pick(Random random) {
        double roll = random.nextDouble();
        return roll < 0.5 ? LINUX : roll < 0.8 ? WINDOWS : ESXI;
    }

    private static String hex(Random random, int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
