package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.EmsEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the connector has read each node's event log: the index of the last event emitted, per node UUID. EMS
 * numbers events per node, so one cursor per node. Kept in a source partition of its own per cluster
 * ({@code {"cluster_uuid": ..., "stream": "ems"}}) so that it commits with the records that moved it, and read back
 * after a restart: nothing is emitted twice, nothing ONTAP still holds is skipped. Immutable.
 */
public final class EmsCursor {

    public static final String PARTITION_STREAM = "stream";
    public static final String STREAM_EMS = "ems";
    static final String FORMAT = "format";
    static final String NODE_PREFIX = "node.";
    static final int CURRENT_FORMAT = 1;

    /** Nothing read yet: every node is read from the oldest event it holds. */
    public static final EmsCursor START = new EmsCursor(Map.of());

    private final Map<String, Long> lastIndexByNode;

    private EmsCursor(Map<String, Long> lastIndexByNode) {
        this.lastIndexByNode = lastIndexByNode;
    }

    public static Map<String, Object> partition(String clusterUuid) {
        return Map.of(OffsetFormat.PARTITION_CLUSTER_UUID, clusterUuid, PARTITION_STREAM, STREAM_EMS);
    }

    /** Whether {@code partition} is a cluster's EMS partition rather than its sessions partition. */
    public static boolean isEmsPartition(Map<String, ?> partition) {
        return STREAM_EMS.equals(partition.get(PARTITION_STREAM));
    }

    /**
     * Reads a stored cursor.
     *
     * @throws UnusableOffsetException naming the field that is wrong
     */
    public static EmsCursor parse(Map<String, ?> offset) {
        Object format = offset.get(FORMAT);
        if (!(format instanceof Number number) || number.intValue() != CURRENT_FORMAT) {
            throw new UnusableOffsetException("EMS offset field '" + FORMAT + "' is " + format + ", expected "
                    + CURRENT_FORMAT);
        }
        Map<String, Long> nodes = new TreeMap<>();
        for (Map.Entry<String, ?> entry : offset.entrySet()) {
            if (entry.getKey().equals(FORMAT)) {
                continue;
            }
            if (!entry.getKey().startsWith(NODE_PREFIX) || entry.getKey().length() == NODE_PREFIX.length()) {
                throw new UnusableOffsetException("EMS offset field '" + entry.getKey() + "' is not '" + NODE_PREFIX
                        + "<node uuid>'");
            }
            if (!(entry.getValue() instanceof Number index) || entry.getValue() instanceof Double
                    || entry.getValue() instanceof Float || index.longValue() < 0) {
                throw new UnusableOffsetException("EMS offset field '" + entry.getKey() + "' is not an index");
            }
            nodes.put(entry.getKey().substring(NODE_PREFIX.length()), index.longValue());
        }
        return new EmsCursor(Collections.unmodifiableMap(nodes));
    }

    /** The index of the last event emitted from {@code nodeUuid}; -1 when none has been. */
    public long lastIndex(String nodeUuid) {
        return lastIndexByNode.getOrDefault(nodeUuid, -1L);
    }

    /** The cursor once {@code event} has been emitted. */
    public EmsCursor after(EmsEvent event) {
        Map<String, Long> nodes = new TreeMap<>(lastIndexByNode);
        nodes.merge(event.nodeUuid(), event.index(), Math::max);
        return new EmsCursor(Collections.unmodifiableMap(nodes));
    }

    /** The cursor once {@code events}, in the order read, have been emitted. */
    public EmsCursor afterAll(List<EmsEvent> events) {
        EmsCursor cursor = this;
        for (EmsEvent event : events) {
            cursor = cursor.after(event);
        }
        return cursor;
    }

    /** The offset that stores this cursor. */
    public Map<String, Object> offset() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(FORMAT, CURRENT_FORMAT);
        lastIndexByNode.forEach((node, index) -> offset.put(NODE_PREFIX + node, index));
        return Collections.unmodifiableMap(offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmsCursor other && lastIndexByNode.equals(other.lastIndexByNode);
    }

    @Override
    public int hashCode() {
        return lastIndexByNode.hashCode();
    }

    @Override
    public String toString() {
        return "EmsCursor" + lastIndexByNode;
    }
}
