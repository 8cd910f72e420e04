package io.github.ontapkafka.iscsi.event;

import io.github.ontapkafka.iscsi.tracking.SessionChange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Derives an event's id from what a replay of the event sees again: the cluster, the session key, the type, the
 * digests before and after, and the batch generation (which tells apart two identical logins at different times).
 * Never from a clock: a record re-emitted after a crash must carry the id it had.
 */
public final class EventIds {

    /** Cloned for each id: cheaper than looking the algorithm up among the security providers every time. */
    private static final MessageDigest SHA_256 = sha256();

    private EventIds() {
    }

    public static String of(String clusterUuid, SessionChange change, long generation) {
        MessageDigest sha = copyOf(SHA_256);
        update(sha, clusterUuid);
        update(sha, change.key().svmUuid());
        update(sha, change.key().targetPortalGroup());
        update(sha, change.type().name());
        ByteBuffer numbers = ByteBuffer.allocate(4 + 8 * 3)
                .putInt(change.key().tsih())
                .putLong(change.digestBefore())
                .putLong(change.digestAfter())
                .putLong(generation);
        sha.update(numbers.array());
        return uuidOf(sha);
    }

    /**
     * The id of an EMS event: ONTAP identifies it by node and index, so a replay after a crash, or the same event
     * read by another task after a rebalance, gets the same id.
     */
    public static String ofEms(String clusterUuid, String nodeUuid, long index) {
        MessageDigest sha = copyOf(SHA_256);
        update(sha, "ems");
        update(sha, clusterUuid);
        update(sha, nodeUuid);
        sha.update(ByteBuffer.allocate(8).putLong(index).array());
        return uuidOf(sha);
    }

    private static String uuidOf(MessageDigest sha) {
        ByteBuffer hash = ByteBuffer.wrap(sha.digest());
        // RFC 9562 version 8 (custom) UUID: 122 bits of the hash with the version and variant bits set.
        long high = (hash.getLong() & ~0xF000L) | 0x8000L;
        long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static void update(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest copyOf(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JVM", e);
        }
    }
}
