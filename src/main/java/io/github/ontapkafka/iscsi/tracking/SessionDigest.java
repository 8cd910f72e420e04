package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A 56-bit digest of what makes a session's events: the top 16 bits hash its login identity (ISID and
 * initiator name), the low 40 bits its connections (a missed change after a restart: one chance in 10^12).
 * Offsets store only this per session, which keeps them small, and it must never change for the same input: it is
 * stored, and event ids are derived from it.
 * Descriptive attributes (alias, comment, igroups, names) are left out on purpose: they do not make an event.
 */
public final class SessionDigest {

    /** Stands for "no session": before a login, after a logout. Never the digest of a session. */
    public static final long NONE = 0L;

    /** Bytes a digest takes when stored. */
    public static final int BYTES = 7;
    private static final int IDENTITY_BITS = 16;
    private static final int IDENTITY_SHIFT = BYTES * 8 - IDENTITY_BITS;
    private static final long CONNECTIONS_MASK = (1L << IDENTITY_SHIFT) - 1;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final Comparator<Connection> BY_CID = Comparator.comparingInt(Connection::cid);

    private SessionDigest() {
    }

    public static long of(IscsiSession session) {
        long identity = new Hasher().add(session.isid()).add(session.initiatorName()).finish() >>> (64 - IDENTITY_BITS);
        Hasher connections = new Hasher();
        List<Connection> sorted = new ArrayList<>(session.connectionsOrEmpty());
        sorted.sort(BY_CID);
        for (Connection c : sorted) {
            connections.add(c.cid()).add(c.authenticationType());
            addEndpoint(connections, c.initiatorAddress());
            NetworkInterface lif = c.networkInterface();
            connections.add(lif == null ? null : lif.uuid()).add(lif == null ? null : lif.name());
            addEndpoint(connections, lif == null ? null : lif.ip());
        }
        long digest = (identity << IDENTITY_SHIFT) | (connections.finish() & CONNECTIONS_MASK);
        return digest == NONE ? 1L : digest;
    }

    /** Whether two digests belong to the same login (same ISID and initiator), as far as 16 bits can tell. */
    public static boolean sameLogin(long a, long b) {
        return (a >>> IDENTITY_SHIFT) == (b >>> IDENTITY_SHIFT);
    }

    private static void addEndpoint(Hasher hasher, IpEndpoint endpoint) {
        hasher.add(endpoint == null ? null : endpoint.address()).add(endpoint == null ? null : endpoint.port());
    }

    /** FNV-1a over a self-delimiting encoding of the values, finished with a strong mix for well-spread high bits. */
    private static final class Hasher {
        private long h = FNV_OFFSET;

        Hasher add(String value) {
            if (value == null) {
                return mixByte(0);
            }
            mixByte(1);
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            add(bytes.length);
            for (byte b : bytes) {
                mixByte(b);
            }
            return this;
        }

        Hasher add(Integer value) {
            if (value == null) {
                return mixByte(0);
            }
            mixByte(2);
            int v = value;
            for (int i = 0; i < 4; i++) {
                mixByte(v >>> (8 * i));
            }
            return this;
        }

        private Hasher mixByte(int b) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
            return this;
        }

        long finish() {
            long z = h;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
