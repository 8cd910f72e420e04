package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

import java.nio.charset.StandardCharsets;

/** Everything the connector wrote to a health topic, read as a downstream consumer would, decoded from JSON. */
final class HealthLog extends TopicLog<HealthLog.Health> {

    HealthLog(EmbeddedKafkaCluster kafka, String topic) {
        super(kafka, topic, record -> new Health(json(record.key()), json(record.value()),
                record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8)));
    }

    /** One health record; {@code raw} is its value as written, to prove what it never holds. */
    record Health(JsonNode key, JsonNode value, String raw) {
        String status() {
            return value.get("status").asText();
        }

        String trigger() {
            return value.get("trigger").asText();
        }

        boolean isChange() {
            return trigger().equals("CHANGE");
        }

        boolean isHeartbeat() {
            return trigger().equals("HEARTBEAT");
        }

        String connector() {
            return key.get("connector").asText();
        }

        String clusterUrl() {
            return key.get("cluster_url").asText();
        }

        String text(String field) {
            JsonNode node = value.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        long millis(String field) {
            return value.get(field).asLong();
        }

        /** "CHANGE OK", "HEARTBEAT FAILING CREDENTIALS_REJECTED": what a test compares sequences by. */
        String label() {
            String kind = text("failure_kind");
            return trigger() + " " + status() + (kind == null ? "" : " " + kind);
        }
    }
}
