package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/** Everything the connector wrote to an EMS topic, read as a downstream consumer would, decoded from JSON. */
final class EmsLog extends TopicLog<EmsLog.Ems> {

    EmsLog(EmbeddedKafkaCluster kafka, String topic) {
        super(kafka, topic, record -> new Ems(json(record.value())));
    }

    /** One EMS record's value. */
    record Ems(JsonNode value) {
        String text(String field) {
            JsonNode node = value.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        /** "KIND node-name#index", e.g. "LOGIN_REFUSED_BY_ADDRESS cluster-01#4". */
        String label() {
            return text("event_kind") + " " + text("node_name") + "#" + value.get("index").asLong();
        }
    }
}
