package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.fixtures.ConfluentWireDecoder;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads the connector's topics from their start as a downstream consumer would, decodes each value from Confluent's
 * Avro wire format with the schema the registry serves, and prints the line its topic's format makes of it (an
 * {@link EventLine} for a session event or a change of health, an {@link EmsLine} for an EMS record; none for a
 * health heartbeat), until closed.
 */
final class ConsoleView implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final long STOP_WAIT_SECONDS = 10;

    private final Map<String, Object> consumerConfig;
    private final String header;
    private final Map<String, Function<GenericRecord, String>> lineByTopic;
    private final ConfluentWireDecoder decoder;
    private final PrintStream out;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean started;
    private volatile boolean stopping;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param header      printed first: the legend and the column titles
     * @param lineByTopic the topics to read, each with how its records are shown: a line, or null for none
     */
    ConsoleView(String bootstrapServers, String header, Map<String, Function<GenericRecord, String>> lineByTopic,
                ConfluentWireDecoder decoder, PrintStream out) {
        this.consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "ontap-iscsi-demo-console",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.header = header;
        this.lineByTopic = Map.copyOf(lineByTopic);
        this.decoder = decoder;
        this.out = out;
    }

    /** Prints the header, then every event as it arrives; returns once {@link #close()} is called. */
    void run() {
        started = true;
        out.println(header);
        // The consumer belongs to this thread alone; close() only wakes it up.
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(consumerConfig)) {
            consumer = reader;
            reader.subscribe(lineByTopic.keySet());
            while (!stopping) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                    String line = line(record);
                    if (line != null) {
                        out.println(line);
                    }
                }
            }
        } catch (WakeupException stopped) {
            // close() interrupted a poll: nothing more to show.
        } finally {
            finished.countDown();
        }
    }

    private String line(ConsumerRecord<byte[], byte[]> record) {
        try {
            GenericRecord value = decoder.decode(record.value()).record();
            return lineByTopic.get(record.topic()).apply(value);
        } catch (RuntimeException undecodable) {
            return "(offset " + record.offset() + " could not be decoded: " + undecodable.getMessage() + ")";
        }
    }

    /** Stops the view and waits until its consumer has left, so that the broker can stop after it. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        KafkaConsumer<byte[], byte[]> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        if (started) {
            finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
