package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The compact, versioned binary form of a {@link DigestSnapshot}, carried base64-encoded in an offset.
 * <pre>
 * byte    version (1)
 * varint  number of SVMs;   per SVM: string uuid, string name ("" if unknown)
 * varint  number of groups; per group of sessions sharing SVM and target portal group:
 *         varint svm index, string target portal group, varint count,
 *         per session (ascending tsih): varint tsih minus previous tsih of the group (the first: tsih), 7 bytes digest
 * </pre>
 * About 11 characters per session: 20,000 sessions take some 220 KB, well under Kafka's 1 MiB message limit.
 */
public final class StateCodec {

    static final int VERSION = 1;

    private StateCodec() {
    }

    public static String encode(DigestSnapshot snapshot) {
        Map<String, Integer> svmIndex = new LinkedHashMap<>();
        for (int i = 0; i < snapshot.size(); i++) {
            // Keys are ordered by SVM first: look up only where the SVM changes.
            if (i == 0 || !snapshot.key(i).svmUuid().equals(snapshot.key(i - 1).svmUuid())) {
                svmIndex.putIfAbsent(snapshot.key(i).svmUuid(), svmIndex.size());
            }
        }
        // SVMs known by name only (no session left), in UUID order: the same state always encodes the same.
        for (String uuid : new TreeSet<>(snapshot.svmNames().keySet())) {
            svmIndex.putIfAbsent(uuid, svmIndex.size());
        }
        Writer out = new Writer(snapshot.size() * (SessionDigest.BYTES + 2) + 64);
        out.write(VERSION);
        out.varint(svmIndex.size());
        for (String uuid : svmIndex.keySet()) {
            out.string(uuid);
            out.string(snapshot.svmNames().getOrDefault(uuid, ""));
        }
        List<int[]> groups = groups(snapshot);
        out.varint(groups.size());
        for (int[] group : groups) {
            SessionKey first = snapshot.key(group[0]);
            out.varint(svmIndex.get(first.svmUuid()));
            out.string(first.targetPortalGroup());
            out.varint(group[1] - group[0]);
            int previous = 0;
            for (int i = group[0]; i < group[1]; i++) {
                int tsih = snapshot.key(i).tsih();
                out.varint(tsih - previous);
                previous = tsih;
                out.digest(snapshot.digest(i));
            }
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Reads what {@link #encode} wrote, or throws {@link UnusableOffsetException} saying what is wrong. */
    public static DigestSnapshot decode(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new UnusableOffsetException("sessions is not base64: " + e.getMessage(), e);
        }
        try {
            return read(new ByteReader(bytes));
        } catch (UnusableOffsetException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UnusableOffsetException("sessions " + e.getMessage(), e);
        }
    }

    private static DigestSnapshot read(ByteReader in) {
        int version = in.read();
        if (version != VERSION) {
            throw new UnusableOffsetException("sessions has encoding version " + version + ", expected " + VERSION);
        }
        List<String> svms = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = readCount(in, "SVM"); i > 0; i--) {
            String uuid = readString(in);
            String name = readString(in);
            svms.add(uuid);
            if (!name.isEmpty()) {
                names.put(uuid, name);
            }
        }
        List<SessionKey> keys = new ArrayList<>();
        List<Long> digests = new ArrayList<>();
        for (int g = readCount(in, "group"); g > 0; g--) {
            int svm = in.varint();
            if (svm >= svms.size()) {
                throw new UnusableOffsetException("sessions refers to SVM #" + svm + " of " + svms.size());
            }
            String tpg = readString(in);
            int tsih = 0;
            for (int n = readCount(in, "session"); n > 0; n--) {
                tsih += in.varint();
                SessionKey key = new SessionKey(svms.get(svm), tpg, tsih);
                if (!keys.isEmpty() && keys.get(keys.size() - 1).compareTo(key) >= 0) {
                    throw new UnusableOffsetException("sessions are not in key order at " + key);
                }
                keys.add(key);
                digests.add(readDigest(in));
            }
        }
        if (in.remaining() > 0) {
            throw new UnusableOffsetException("sessions has " + in.remaining() + " unexpected trailing bytes");
        }
        return new DigestSnapshot(keys.toArray(new SessionKey[0]), digests.stream().mapToLong(Long::longValue).toArray(),
                names);
    }

    /** Index ranges [from, to) of consecutive sessions sharing SVM and target portal group. */
    private static List<int[]> groups(DigestSnapshot snapshot) {
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= snapshot.size(); i++) {
            if (i == snapshot.size() || !sameGroup(snapshot.key(start), snapshot.key(i))) {
                if (i > start) {
                    groups.add(new int[]{start, i});
                }
                start = i;
            }
        }
        return groups;
    }

    private static boolean sameGroup(SessionKey a, SessionKey b) {
        return a.svmUuid().equals(b.svmUuid()) && a.targetPortalGroup().equals(b.targetPortalGroup());
    }

    private static int readCount(ByteReader in, String what) {
        int count = in.varint();
        if (count > in.remaining()) {
            throw new UnusableOffsetException("sessions claims " + count + " " + what + " entries in " + in.remaining()
                    + " remaining bytes");
        }
        return count;
    }

    private static String readString(ByteReader in) {
        return in.utf8(readCount(in, "string byte"));
    }

    private static long readDigest(ByteReader in) {
        long digest = 0;
        for (int i = 0; i < SessionDigest.BYTES; i++) {
            digest = (digest << 8) | in.read();
        }
        return digest;
    }

    private static final class Writer extends ByteWriter {

        Writer(int size) {
            super(size);
        }

        void string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            write(utf8);
        }

        void digest(long value) {
            for (int shift = (SessionDigest.BYTES - 1) * 8; shift >= 0; shift -= 8) {
                write((int) (value >>> shift));
            }
        }
    }
}
