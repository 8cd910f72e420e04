package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.ontap.Secret;
import io.github.ontapkafka.iscsi.ontap.BasicAuthentication;
import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.fixtures.LogCapture;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.FailureKind;
import io.github.ontapkafka.iscsi.ontap.OntapClient;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import io.github.ontapkafka.iscsi.ontap.RequestPolicy;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterPollerTest {

    private static final ClusterUrl URL = ClusterUrl.parse("https://cluster1.example.com");
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final ClusterPoller poller = new ClusterPoller(
            new OntapClient(URL, new OkHttpClient(), new BasicAuthentication("u", Secret.of("p")), SessionScope.ALL, new RequestPolicy(500, 0, Duration.ZERO), new JsonFactory()),
            Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(10), T0);

    private static PollFailure failure(FailureKind kind, int status) {
        return PollFailure.of(new OntapException(URL, kind, status, "GET /api/cluster: HTTP " + status, null));
    }

    private static List<String> warnings(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.startsWith("WARN") || l.startsWith("INFO"))
                .filter(l -> l.contains("cluster1.example.com")).toList();
    }

    @Test
    void logsAFailureWhenItStartsOrChangesAndOnceMoreOnRecovery() {
        List<String> lines;
        try (LogCapture logs = LogCapture.everything()) {
            poller.failed(failure(FailureKind.HTTP_ERROR, 503), T0, T0);
            poller.failed(failure(FailureKind.HTTP_ERROR, 503), T0, T0);
            poller.failed(failure(FailureKind.HTTP_ERROR, 503), T0, T0);
            poller.failed(failure(FailureKind.UNAUTHORIZED, 401), T0, T0);
            poller.failed(failure(FailureKind.UNAUTHORIZED, 401), T0, T0);
            poller.succeeded(new PollOutcome(poller, T0, T0, new ClusterIdentity("u", "c1"), null, null, null), 0, T0);
            lines = warnings(logs);
        }

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("WARN").contains("HTTP 503").contains("retrying in 1000 ms");
        assertThat(lines.get(1)).startsWith("WARN").contains("HTTP 401");
        assertThat(lines.get(2)).startsWith("INFO").contains("after 5 failed poll(s)");
    }

    @Test
    void warnsWhenTheAddressLeadsToAnotherClusterAfterAFailure() {
        List<String> lines;
        try (LogCapture logs = LogCapture.everything()) {
            poller.succeeded(new PollOutcome(poller, T0, T0, new ClusterIdentity("u1", "c1"), null, null, null), 0, T0);
            poller.failed(failure(FailureKind.UNREACHABLE, 0), T0, T0);
            poller.succeeded(new PollOutcome(poller, T0, T0, new ClusterIdentity("u2", "c2"), null, null, null), 0, T0);
            lines = warnings(logs);
        }

        assertThat(lines).filteredOn(l -> l.startsWith("WARN")).last().asString()
                .contains("now answers as cluster c2 (u2) instead of c1 (u1)");
        assertThat(poller.identity().uuid()).isEqualTo("u2");
    }

    @Test
    void backsOffFurtherWithEachFailureUpToTheMaximumAndResumesTheIntervalOnSuccess() {
        poller.failed(failure(FailureKind.TIMEOUT, 0), T0, T0);
        assertThat(poller.nextPollAt()).isEqualTo(T0.plusSeconds(1));
        poller.failed(failure(FailureKind.TIMEOUT, 0), T0, T0);
        assertThat(poller.nextPollAt()).isEqualTo(T0.plusSeconds(2));
        for (int i = 0; i < 10; i++) {
            poller.failed(failure(FailureKind.TIMEOUT, 0), T0, T0);
        }
        assertThat(poller.nextPollAt()).isEqualTo(T0.plusSeconds(10));

        poller.succeeded(new PollOutcome(poller, T0, T0, new ClusterIdentity("u", "c1"), null, null, null), 0, T0);
        assertThat(poller.nextPollAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void eachKindOfValuePassedOverIsLoggedOncePerCluster() {
        List<String> lines;
        try (LogCapture logs = LogCapture.everything()) {
            poller.passedOver(List.of(
                    "GET /api/protocols/san/iscsi/sessions page 1, records[0].connections[0].initiator_address.port: "
                            + "expected an integer, got a boolean; read as unknown",
                    "GET /api/protocols/san/iscsi/sessions page 1, records[5].connections[1].initiator_address.port: "
                            + "expected an integer, got a boolean; read as unknown"));
            poller.passedOver(List.of(
                    "GET /api/protocols/san/iscsi/sessions page 3, records[2].connections[0].initiator_address.port: "
                            + "expected an integer, got a boolean; read as unknown",
                    "GET /api/protocols/san/iscsi/sessions page 3, records[2].isid: expected a string, got a number; "
                            + "read as unknown"));
            lines = warnings(logs);
        }

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("page 1, records[0].connections[0].initiator_address.port")
                .contains("The rest of the record is used");
        assertThat(lines.get(1)).contains("records[2].isid");
    }
}
