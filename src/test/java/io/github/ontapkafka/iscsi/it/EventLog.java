package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Everything the connector wrote to a topic, read as a downstream consumer would, decoded from JSON. */
final class EventLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Event> events = new ArrayList<>();

    EventLog(EmbeddedKafkaCluster kafka, String topic) {
        this.consumer = kafka.createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic);
    }

    /** Reads what arrived since the last call. */
    List<Event> drain() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            events.add(new Event(parse(record.key()), parse(record.value()), record.timestamp()));
        }
        return List.copyOf(events);
    }

    /** Waits until at least {@code count} events matching {@code filter} arrived; returns all events so far. */
    List<Event> awaitAtLeast(int count, Predicate<Event> filter, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> drain().stream().filter(filter).count() >= count);
        return drain();
    }

    List<Event> awaitAtLeast(int count, Duration timeout) {
        return awaitAtLeast(count, event -> true, timeout);
    }

    /** Keeps reading for {@code quiet} and returns everything, so that a test can assert nothing more came. */
    List<Event> settle(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            drain();
        }
        return drain();
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
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

        static Predicate<Event> ofType(String type) {
            return event -> event.type().equals(type);
        }
    }
}
