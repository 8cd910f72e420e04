package io.github.ontapkafka.iscsi.deploy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brings docker-compose.yml up for real and watches Avro events arrive. Where no Docker engine runs (as on the
 * project's build machines) JUnit reports it skipped; {@link ComposeFileIT} checks the file's structure there.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

    private static final Duration STARTUP = Duration.ofMinutes(5);

    @Container
    static final ComposeContainer STACK = new ComposeContainer(new File("docker-compose.yml"))
            .withLocalCompose(true)
            .withExposedService("connect", 8083, Wait.forHealthcheck().withStartupTimeout(STARTUP))
            .withExposedService("schema-registry", 8081, Wait.forHttp("/subjects").withStartupTimeout(STARTUP));

    @Test
    void theStackStreamsAvroSessionEvents() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:29092",
                ConsumerConfig.GROUP_ID_CONFIG, "compose-stack-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("ontap.iscsi.sessions"));
            Awaitility.await().atMost(STARTUP).until(() -> {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
                return records.size() >= 80;
            });
        }

        assertThat(records).allSatisfy(record -> assertThat(record.value()[0]).as("Confluent magic byte").isZero());
        String subjects = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:8081/subjects")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(subjects).contains("ontap.iscsi.sessions-key", "ontap.iscsi.sessions-value");
    }
}
