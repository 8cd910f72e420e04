package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.model.Svm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * A tracked session's content in a few dozen bytes: what it shares with other sessions (SVM name, initiator,
 * igroups, authentication type, addresses, LIFs) as ids into a {@link ValuePool}, what is its own (portal group tag,
 * ISID, connection ids and ports) inline. The key fields live in the session's key. Read back only when an event
 * needs the session's last state: a logout, or the connections before a connection change.
 * <pre>
 * ref svm name | int tag | isid | ref initiator | ref igroups | count+1 connections (0: null),
 * per connection: int cid | ref authentication type | ref initiator address without port | int port | ref LIF
 * </pre>
 * Refs are pool ids (0: null); ints are zigzag varints plus one (0: null). An ISID in ONTAP's usual form
 * ({@code 40:00:01:37:00:00}) is 1 then its 6 bytes; any other is its UTF-8 length plus two, then its bytes; null
 * is 0.
 */
final class CompactSession {

    /** The form ONTAP gives ISIDs in: 6 bytes as lower-case hex pairs separated by colons. */
    private static final Pattern PACKED_ISID = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final int ISID_BYTES = 6;

    private CompactSession() {
    }

    static byte[] encode(IscsiSession session, ValuePool pool) {
        Writer out = new Writer();
        out.varint(pool.acquire(session.svm().name()));
        out.nullableInt(session.targetPortalGroupTag());
        out.isid(session.isid());
        out.varint(pool.acquire(session.initiator()));
        out.varint(pool.acquire(session.igroups()));
        List<Connection> connections = session.connections();
        out.varint(connections == null ? 0 : connections.size() + 1);
        for (Connection connection : connections == null ? List.<Connection>of() : connections) {
            IpEndpoint address = connection.initiatorAddress();
            out.nullableInt(connection.cid());
            out.varint(pool.acquire(connection.authenticationType()));
            out.varint(pool.acquire(address == null ? null : new IpEndpoint(address.address(), null)));
            out.nullableInt(address == null ? null : address.port());
            out.varint(pool.acquire(connection.networkInterface()));
        }
        return out.toByteArray();
    }

    static IscsiSession decode(SessionKey key, byte[] content, ValuePool pool) {
        return read(key, content, pool::value);
    }

    /** Gives back the pool uses that {@link #encode} took. */
    static void release(SessionKey key, byte[] content, ValuePool pool) {
        read(key, content, id -> {
            Object value = pool.value(id);
            pool.release(id);
            return value;
        });
    }

    @SuppressWarnings("unchecked")
    private static IscsiSession read(SessionKey key, byte[] content, IntFunction<Object> values) {
        Reader in = new Reader(content);
        Svm svm = new Svm(key.svmUuid(), (String) values.apply(in.varint()));
        Integer tag = in.nullableInt();
        String isid = in.isid();
        Initiator initiator = (Initiator) values.apply(in.varint());
        List<Igroup> igroups = (List<Igroup>) values.apply(in.varint());
        int count = in.varint();
        List<Connection> connections = count == 0 ? null : new ArrayList<>(count - 1);
        for (int i = 1; i < count; i++) {
            int cid = in.nullableInt();
            String authentication = (String) values.apply(in.varint());
            IpEndpoint address = (IpEndpoint) values.apply(in.varint());
            Integer port = in.nullableInt();
            NetworkInterface lif = (NetworkInterface) values.apply(in.varint());
            connections.add(new Connection(cid, authentication,
                    address == null ? null : new IpEndpoint(address.address(), port), lif));
        }
        return new IscsiSession(svm, key.targetPortalGroup(), tag, key.tsih(), isid, initiator, igroups, connections);
    }

    private static final class Writer extends ByteWriter {
        Writer() {
            super(48);
        }

        void nullableInt(Integer value) {
            varint(value == null ? 0 : ((long) value << 1 ^ (long) value >> 63) + 1);
        }

        void isid(String value) {
            if (value == null) {
                varint(0);
            } else if (PACKED_ISID.matcher(value).matches()) {
                varint(1);
                for (int i = 0; i < ISID_BYTES; i++) {
                    write(Integer.parseInt(value, i * 3, i * 3 + 2, 16));
                }
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                varint(bytes.length + 2L);
                write(bytes);
            }
        }
    }

    private static final class Reader extends ByteReader {

        Reader(byte[] bytes) {
            super(bytes);
        }

        Integer nullableInt() {
            long v = varlong();
            if (v == 0) {
                return null;
            }
            long zigzag = v - 1;
            return (int) (zigzag >>> 1 ^ -(zigzag & 1));
        }

        String isid() {
            int tag = varint();
            if (tag == 0) {
                return null;
            }
            if (tag == 1) {
                StringBuilder isid = new StringBuilder(ISID_BYTES * 3 - 1);
                for (int i = 0; i < ISID_BYTES; i++) {
                    int b = read();
                    isid.append(i == 0 ? "" : ":").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
                }
                return isid.toString();
            }
            return utf8(tag - 2);
        }
    }
}
