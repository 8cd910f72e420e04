package io.github.ontapkafka.iscsi.config;


import io.github.ontapkafka.iscsi.ontap.Secret;
import io.github.ontapkafka.iscsi.ontap.Login;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OntapSourceConfigTest {

    private static Map<String, String> props(String clusters) {
        Map<String, String> props = new HashMap<>();
        props.put(OntapSourceConfig.CLUSTERS, clusters);
        props.put(OntapSourceConfig.USERNAME, "monitor");
        props.put(OntapSourceConfig.PASSWORD, "Secr3t-Pa55");
        return props;
    }

    @Test
    void appliesTheDocumentedDefaults() {
        OntapSourceConfig config = new OntapSourceConfig(props("https://cluster1.example.com"));

        assertThat(config.topic()).isEqualTo("ontap.iscsi.sessions");
        assertThat(config.pollInterval().toMillis()).isEqualTo(30_000);
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(config.clusters()).singleElement().satisfies(cluster -> {
            assertThat(cluster.url()).hasToString("https://cluster1.example.com");
            assertThat(cluster.access().hostnameVerification()).isTrue();
            assertThat(cluster.access().login()).isEqualTo(new Login.Password("monitor", Secret.of("Secr3t-Pa55")));
        });
    }

    @Test
    void healthRecordsAreOnByDefaultAndOffWithAnEmptyTopic() {
        OntapSourceConfig defaults = new OntapSourceConfig(props("https://cluster1.example.com"));
        assertThat(defaults.healthTopic()).isEqualTo("ontap.iscsi.health");
        assertThat(defaults.heartbeatInterval().toMillis()).isEqualTo(60_000);

        Map<String, String> off = new HashMap<>(props("https://cluster1.example.com"));
        off.put(OntapSourceConfig.HEALTH_TOPIC, " ");
        assertThat(new OntapSourceConfig(off).healthTopic()).isNull();
    }

    @Test
    void refusesAHealthTopicThatIsTheSessionTopic() {
        Map<String, String> same = new HashMap<>(props("https://cluster1.example.com"));
        same.put(OntapSourceConfig.HEALTH_TOPIC, same.getOrDefault(OntapSourceConfig.TOPIC, "ontap.iscsi.sessions"));

        assertThatThrownBy(() -> new OntapSourceConfig(same)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(OntapSourceConfig.HEALTH_TOPIC).hasMessageContaining("must differ from topic");
    }

    @Test
    void refusesATableTopicThatIsAnotherTopicOfTheConnectorAndIsOffByDefault() {
        assertThat(new OntapSourceConfig(props("https://cluster1.example.com")).tableTopic()).isNull();
        for (String other : List.of("ontap.iscsi.sessions", "ontap.iscsi.health")) {
            Map<String, String> same = new HashMap<>(props("https://cluster1.example.com"));
            same.put(OntapSourceConfig.TABLE_TOPIC, other);

            assertThatThrownBy(() -> new OntapSourceConfig(same)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(OntapSourceConfig.TABLE_TOPIC).hasMessageContaining("must differ from topic");
        }
        Map<String, String> table = new HashMap<>(props("https://cluster1.example.com"));
        table.put(OntapSourceConfig.TABLE_TOPIC, " ontap.iscsi.sessions.current ");
        assertThat(new OntapSourceConfig(table).tableTopic()).isEqualTo("ontap.iscsi.sessions.current");
    }

    @Test
    void namesTheClusterUrlThatIsWrong() {
        assertThatThrownBy(() -> new OntapSourceConfig(props("https://ok.example.com,ftp://cluster2")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ftp://cluster2")
                .hasMessageContaining("not an http:// or https:// URL");
        assertThatThrownBy(() -> new OntapSourceConfig(props("https://a.example.com,https://a.example.com/")))
                .hasMessageContaining("https://a.example.com is listed twice");
    }

    @Test
    void refusesCredentialsInAUrlWithoutEchoingThem() {
        assertThatThrownBy(() -> new OntapSourceConfig(props("https://admin:hunter2@cluster1.example.com")))
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new OntapSourceConfig(props("ftp://admin:hunter2@cluster1.example.com/x@y")))
                .hasMessageContaining("'ftp://***@cluster1.example.com/x@y' is not an http:// or https:// URL")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new OntapSourceConfig(props("https://admin:hunter2@cluster1.example.com:99x")))
                .hasMessageContaining("'https://***@cluster1.example.com:99x' is not a valid URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void acceptsSnapshotModeInAnyCase() {
        Map<String, String> props = props("https://cluster1.example.com");
        props.put(OntapSourceConfig.SNAPSHOT_MODE, "NEVER");

        assertThat(new OntapSourceConfig(props).snapshotMode()).isEqualTo(SnapshotMode.NEVER);
    }

    @Test
    void neverShowsThePassword() {
        OntapSourceConfig config = new OntapSourceConfig(props("https://cluster1.example.com"));

        assertThat(config.getPassword(OntapSourceConfig.PASSWORD).toString()).doesNotContain("Secr3t");
        assertThat(config.toString()).doesNotContain("Secr3t");
        assertThat(config.values().toString()).doesNotContain("Secr3t");
    }
}
