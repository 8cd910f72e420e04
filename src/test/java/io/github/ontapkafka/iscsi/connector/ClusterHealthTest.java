package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.event.HealthReport;
import io.github.ontapkafka.iscsi.event.HealthReport.Status;
import io.github.ontapkafka.iscsi.event.HealthReport.Trigger;
import io.github.ontapkafka.iscsi.event.HealthSchemas;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.FailureKind;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterHealthTest {

    private static final String URL = "https://cluster1.example.com";
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final ClusterIdentity CLUSTER = new ClusterIdentity("u1", "cluster-01");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ClusterHealth health = new ClusterHealth(URL);

    private static PollFailure failure(FailureKind kind, int status, String message) {
        return PollFailure.of(new OntapException(ClusterUrl.parse(URL), kind, status, message, null));
    }

    @Test
    void everyChangeOfHealthIsNewsAndRepeatsAreNot() {
        assertThat(health.failure()).as("not polled yet").isNull();
        assertThat(health.failed(failure(FailureKind.UNREACHABLE, 0, "refused"), Duration.ofMillis(5), T0))
                .as("first contact, failing").isTrue();
        assertThat(health.failed(failure(FailureKind.UNREACHABLE, 0, "refused again"), Duration.ZERO, T0.plusSeconds(1)))
                .as("the same kind again").isFalse();
        assertThat(health.failed(failure(FailureKind.TIMEOUT, 0, "slow"), Duration.ZERO, T0.plusSeconds(2)))
                .as("another kind").isTrue();
        assertThat(health.succeeded(12, Duration.ofMillis(40), T0.plusSeconds(3))).as("back to OK").isTrue();
        assertThat(health.succeeded(13, Duration.ofMillis(30), T0.plusSeconds(4))).as("still OK").isFalse();
        assertThat(health.failed(failure(FailureKind.UNAUTHORIZED, 401, "HTTP 401, User is not authenticated."),
                Duration.ofMillis(7), T0.plusSeconds(5))).as("OK to failing").isTrue();
    }

    /** Events a node's log discarded unread are a loss of security data: news once, then carried by every report. */
    @Test
    void lostEmsEventsAreNewsOnceAndThenCarriedByEveryReport() {
        health.succeeded(12, Duration.ofMillis(40), T0);
        health.report(Trigger.CHANGE, CLUSTER, T0);
        String lost = "node cluster-01-01 (n1) holds events from index 120 on; the connector had read up to 99: "
                + "events 100 to 119 aged out unread";

        health.emsEventsLost(lost, T0.plusSeconds(30));

        assertThat(health.succeeded(12, Duration.ofMillis(40), T0.plusSeconds(30))).as("found lost events").isTrue();
        HealthReport report = health.report(Trigger.CHANGE, CLUSTER, T0.plusSeconds(30));
        assertThat(report.emsEventsLost()).isEqualTo(new HealthReport.EmsEventsLost(lost, T0.plusSeconds(30)));
        assertThat(report.statusSince()).as("still OK since the first poll").isEqualTo(T0);
        assertThat(health.succeeded(12, Duration.ofMillis(40), T0.plusSeconds(60))).as("reported already").isFalse();
        assertThat(health.report(Trigger.HEARTBEAT, CLUSTER, T0.plusSeconds(90)).emsEventsLost().what())
                .as("still carried").isEqualTo(lost);
    }

    @Test
    void aReportSaysSinceWhenWhatFailsAndWhatWasLastKnown() {
        health.succeeded(12, Duration.ofMillis(40), T0);
        health.failed(failure(FailureKind.UNAUTHORIZED, 401, "HTTP 401, User is not authenticated."),
                Duration.ofMillis(7), T0.plusSeconds(30));
        health.failed(failure(FailureKind.UNAUTHORIZED, 401, "HTTP 401, User is not authenticated."),
                Duration.ofMillis(9), T0.plusSeconds(60));

        HealthReport report = health.report(Trigger.HEARTBEAT, CLUSTER, T0.plusSeconds(61));

        assertThat(report.status()).isEqualTo(Status.FAILING);
        assertThat(report.trigger()).isEqualTo(Trigger.HEARTBEAT);
        assertThat(report.statusSince()).isEqualTo(T0.plusSeconds(30));
        assertThat(report.lastSuccessAt()).isEqualTo(T0);
        assertThat(report.consecutiveFailures()).isEqualTo(2);
        assertThat(report.failureKind()).isEqualTo("CREDENTIALS_REJECTED");
        assertThat(report.failureMessage()).contains(URL).contains("User is not authenticated.");
        assertThat(report.sessionsTracked()).isEqualTo(12);
        assertThat(report.lastPollDuration()).isEqualTo(Duration.ofMillis(9));
        assertThat(report.clusterName()).isEqualTo("cluster-01");
        assertThat(report.clusterUuid()).isEqualTo("u1");
        assertThat(report.emsEventsLost()).as("no EMS events lost").isNull();
    }

    @Test
    void aClusterThatNeverAnsweredIsReportedByItsUrlAlone() {
        health.failed(failure(FailureKind.UNREACHABLE, 0, "refused"), Duration.ofMillis(3), T0);

        HealthReport report = health.report(Trigger.CHANGE, null, T0);

        assertThat(report.clusterUrl()).isEqualTo(URL);
        assertThat(report.clusterUuid()).isNull();
        assertThat(report.lastSuccessAt()).isNull();
        assertThat(report.sessionsTracked()).isNull();
    }

    @Test
    void heartbeatsFollowTheLastReport() {
        assertThat(health.nextHeartbeatAt(MINUTE)).as("nothing to report yet").isNull();
        health.succeeded(1, Duration.ZERO, T0);
        health.report(Trigger.CHANGE, CLUSTER, T0);

        assertThat(health.nextHeartbeatAt(MINUTE)).isEqualTo(T0.plus(MINUTE));
        health.report(Trigger.HEARTBEAT, CLUSTER, T0.plusSeconds(61));
        assertThat(health.nextHeartbeatAt(MINUTE)).isEqualTo(T0.plusSeconds(121));
    }

    @Test
    void theSchemaDocumentsEveryFailureKind() {
        assertThat(HealthSchemas.VALUE.field("failure_kind").schema().doc())
                .contains(Arrays.stream(PollFailure.Kind.values()).map(Enum::name).toList());
    }
}
