package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/** Everything the connector wrote to a topic, read as a downstream consumer would, decoded from JSON. */
final class EventLog extends TopicLog<EventLog.Event> {

    EventLog(EmbeddedKafkaCluster kafka, String topic) {
        super(kafka, topic, record -> new Event(json(record.key()), json(record.value()), record.timestamp()));
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
