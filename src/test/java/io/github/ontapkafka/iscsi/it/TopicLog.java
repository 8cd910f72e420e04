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
import java.util.function.Function;
import java.util.function.Predicate;

/** Everything written to a topic, read from its start as a downstream consumer would, decoded by {@code decoder}. */
class TopicLog<T> implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Function<ConsumerRecord<byte[], byte[]>, T> decoder;
    private final List<T> records = new ArrayList<>();

    TopicLog(EmbeddedKafkaCluster kafka, String topic, Function<ConsumerRecord<byte[], byte[]>, T> decoder) {
        this.consumer = kafka.createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic);
        this.decoder = decoder;
    }

    /** Reads what arrived since the last call. */
    List<T> drain() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            records.add(decoder.apply(record));
        }
        return List.copyOf(records);
    }

    /** Waits until at least {@code count} records matching {@code filter} arrived; returns all records so far. */
    List<T> awaitAtLeast(int count, Predicate<T> filter, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> drain().stream().filter(filter).count() >= count);
        return drain();
    }

    List<T> awaitAtLeast(int count, Duration timeout) {
        return awaitAtLeast(count, record -> true, timeout);
    }

    /** Keeps reading for {@code quiet} and returns everything, so that a test can assert nothing more came. */
    List<T> settle(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            drain();
        }
        return drain();
    }

    /** A record's key or value written by Connect's JsonConverter without schemas; null for null. */
    static JsonNode json(byte[] bytes) {
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
}
