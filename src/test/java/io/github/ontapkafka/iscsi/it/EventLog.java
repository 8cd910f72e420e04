package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Everything the connector wrote to a topic, read as a downstream consumer would, decoded from JSON. */
final class EventLog extends TopicLog<EventLog.Event> {

    private static final ObjectMapper JSON = new ObjectMapper();

    EventLog(EmbeddedKafkaCluster kafka, String topic) {
        super(kafka, topic, record -> new Event(parse(record.key()), parse(record.value()), record.timestamp()));
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Event(JsonNode key, JsonNode value, long timestamp) {
        String type() {
            return value.get("event_type").asText();
        }

        String id() {
            return value.get("event_id").asText();
        }

        int tsih() {
            return key.get("tsih").asInt();
        }

        String clusterUuid() {
            return key.get("cluster_uuid").asText();
        }

        JsonNode session() {
            return value.get("session");
        }

        String label() {
            return type() + " " + tsih();
        }
    }
}
