package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KIP-875: what the connector accepts through the Connect REST offsets endpoints. */
class ConnectorOffsetsTest {

    private static final Map<String, ?> PARTITION = OffsetFormat.partition("4ea7a442-86d1-11e0-ae1c-123478563412");

    private final OntapIscsiSourceConnector connector = new OntapIscsiSourceConnector();

    private boolean alter(Map<String, ?> partition, Map<String, ?> offset) {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, offset);
        return connector.alterOffsets(Map.of(), offsets);
    }

    @Test
    void acceptsAResetOfACluster() {
        assertThat(alter(PARTITION, null)).isTrue();
    }

    @Test
    void acceptsAnOffsetItCouldHaveWritten() {
        Map<String, Object> written = ClusterState.fresh()
                .poll(live(session(1, "iqn.a", connection(1))), Instant.now(), SnapshotMode.INITIAL, SessionScope.ALL)
                .offsetAfter(0);

        assertThat(alter(PARTITION, Map.copyOf(written))).isTrue();
    }

    @Test
    void rejectsAMalformedOffsetSayingWhatIsWrong() {
        assertThatThrownBy(() -> alter(PARTITION, Map.of("format", 1L, "generation", 3L, "sessions", "%%%")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("4ea7a442-86d1-11e0-ae1c-123478563412")
                .hasMessageContaining("sessions is not base64");
        assertThatThrownBy(() -> alter(PARTITION, Map.of("format", 2L)))
                .hasMessageContaining("'format' is 2, expected 1");
    }

    @Test
    void rejectsAnOffsetForAPartitionThatIsNotAClusters() {
        assertThatThrownBy(() -> alter(Map.of("cluster", "x"), Map.of("format", 1L)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("expected {\"cluster_uuid\"")
                .hasMessageContaining("only a reset (null offset) is accepted");
    }

    /** As Kafka's own FileStreamSourceConnector does: an operator may clean up partitions nobody recognises. */
    @Test
    void acceptsTheResetOfAnyPartition() {
        assertThat(alter(Map.of("cluster", "x"), null)).isTrue();
        assertThat(alter(Map.of(), null)).isTrue();
    }

    @Test
    void acceptsAnEmsCursorItCouldHaveWrittenAndRefusesAnotherSayingWhy() {
        Map<String, Object> ems = EmsCursor.partition("4ea7a442-86d1-11e0-ae1c-123478563412");

        assertThat(alter(ems, Map.of("format", 1L, "node.a1b2", 4312L))).isTrue();
        assertThat(alter(ems, null)).isTrue();
        assertThatThrownBy(() -> alter(ems, Map.of("format", 1L, "node.a1b2", "latest")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("EMS offset of cluster 4ea7a442-86d1-11e0-ae1c-123478563412")
                .hasMessageContaining("'node.a1b2' is not an index")
                .hasMessageContaining("Reset it");
    }
}
