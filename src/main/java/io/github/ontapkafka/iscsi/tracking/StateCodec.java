package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * The compact, versioned binary form of a {@link DigestSnapshot}, carried base64-encoded in an offset.
 * <pre>
 * byte    version (2)
 * varint  number of SVMs;   per SVM: string uuid, string name ("" if unknown)
 * varint  number of first-seen times; per time, ascending: varint packed time + 1 ({@link FirstSeen#pack}, 0 for
 *         unknown) minus the previous one's (the first: itself)
 * varint  number of groups; per group of sessions sharing SVM and target portal group:
 *         varint svm index, string target portal group, varint count,
 *         per session (ascending tsih): varint tsih minus previous tsih of the group (the first: tsih), 7 bytes digest
 * bits    per session in the order above, the index of its first-seen time in as few bits as the number of times
 *         needs (none for one time), most significant first, the last byte padded with zeros
 * </pre>
 * Sessions share first-seen times (all those of a first poll, all that logged in between two polls), so the times are
 * a table and each session an index into it. About 11 characters per session: 20,000 sessions take some 210 KB after
 * a snapshot, and at most about 290 KB however their times are spread, well under Kafka's 1 MiB message limit.
 *
 * <p>Version 1, written before sessions carried their first-seen time, is still read: its sessions are taken as first
 * seen, as a lower bound, when the offset's poll was.
 */
public final class StateCodec {

    static final int VERSION = 2;
    private static final int WITHOUT_FIRST_SEEN = 1;

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
        Writer out = new Writer(snapshot.size() * (SessionDigest.BYTES + 3) + 64);
        out.write(VERSION);
        out.varint(svmIndex.size());
        for (String uuid : svmIndex.keySet()) {
            out.string(uuid);
            out.string(snapshot.svmNames().getOrDefault(uuid, ""));
        }
        long[] times = distinctFirstSeen(snapshot);
        out.varint(times.length);
        long previousTime = 0;
        for (long time : times) {
            out.varint(time + 1 - previousTime);
            previousTime = time + 1;
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
        // Groups list the sessions in key order, as the snapshot holds them.
        int width = bitsFor(times.length);
        for (int i = 0; i < snapshot.size(); i++) {
            out.bits(Arrays.binarySearch(times, snapshot.packedFirstSeen(i)), width);
        }
        out.flushBits();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * Reads what {@link #encode} wrote, or throws {@link UnusableOffsetException} saying what is wrong.
     *
     * @param firstSeenBefore what a version 1 encoding, which stored no first-seen times, means for its sessions
     */
    public static DigestSnapshot decode(String encoded, FirstSeen firstSeenBefore) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new UnusableOffsetException("sessions is not base64: " + e.getMessage(), e);
        }
        try {
            return read(new ByteReader(bytes), FirstSeen.pack(firstSeenBefore));
        } catch (UnusableOffsetException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UnusableOffsetException("sessions " + e.getMessage(), e);
        }
    }

    private static DigestSnapshot read(ByteReader in, long firstSeenBefore) {
        int version = in.read();
        if (version != VERSION && version != WITHOUT_FIRST_SEEN) {
            throw new UnusableOffsetException("sessions has encoding version " + version + ", expected "
                    + WITHOUT_FIRST_SEEN + " or " + VERSION);
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
        long[] times = version == WITHOUT_FIRST_SEEN ? new long[]{firstSeenBefore} : readTimes(in);
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
        long[] firstSeen = new long[keys.size()];
        BitReader bits = new BitReader(in, bitsFor(times.length));
        for (int i = 0; i < firstSeen.length; i++) {
            int index = version == WITHOUT_FIRST_SEEN ? 0 : bits.next();
            if (index >= times.length) {
                throw new UnusableOffsetException("sessions refers to first-seen time #" + index + " of "
                        + times.length);
            }
            firstSeen[i] = times[index];
        }
        if (in.remaining() > 0) {
            throw new UnusableOffsetException("sessions has " + in.remaining() + " unexpected trailing bytes");
        }
        return new DigestSnapshot(keys.toArray(new SessionKey[0]), digests.stream().mapToLong(Long::longValue).toArray(),
                firstSeen, names);
    }

    /** The bits an index into {@code count} times takes: none for one time. */
    private static int bitsFor(int count) {
        return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
    }

    /** The packed first-seen times of the sessions, each once, ascending. */
    private static long[] distinctFirstSeen(DigestSnapshot snapshot) {
        long[] times = new long[snapshot.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = snapshot.packedFirstSeen(i);
        }
        return LongStream.of(times).sorted().distinct().toArray();
    }

    private static long[] readTimes(ByteReader in) {
        long[] times = new long[readCount(in, "first-seen time")];
        long previous = 0;
        for (int i = 0; i < times.length; i++) {
            long next = previous + in.varlong();
            if (i > 0 && next <= previous) {
                throw new UnusableOffsetException("sessions has first-seen times out of order at #" + i);
            }
            times[i] = next - 1;
            previous = next;
        }
        return times;
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

    /** Reads what {@link Writer#bits} wrote: indexes of a fixed width, most significant bit first. */
    private static final class BitReader {

        private final ByteReader in;
        private final int width;
        private long pendingBits;
        private int pendingCount;

        BitReader(ByteReader in, int width) {
            this.in = in;
            this.width = width;
        }

        int next() {
            while (pendingCount < width) {
                pendingBits = pendingBits << 8 | in.read();
                pendingCount += 8;
            }
            pendingCount -= width;
            int value = (int) (pendingBits >>> pendingCount);
            pendingBits &= (1L << pendingCount) - 1;
            return value;
        }
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

        private long pendingBits;
        private int pendingCount;

        /** The low {@code width} bits of {@code value}, most significant first, after the bits written before. */
        void bits(int value, int width) {
            pendingBits = pendingBits << width | value;
            pendingCount += width;
            while (pendingCount >= 8) {
                pendingCount -= 8;
                write((int) (pendingBits >>> pendingCount));
            }
            pendingBits &= (1L << pendingCount) - 1;
        }

        /** Writes the bits still pending, padded with zeros to a whole byte. */
        void flushBits() {
            if (pendingCount > 0) {
                bits(0, 8 - pendingCount);
            }
        }

        void digest(long value) {
            for (int shift = (SessionDigest.BYTES - 1) * 8; shift >= 0; shift -= 8) {
                write((int) (value >>> shift));
            }
        }
    }
}
