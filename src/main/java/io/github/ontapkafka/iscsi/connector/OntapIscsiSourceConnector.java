package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.config.ClusterUrl;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.ontap.OntapHttpClients;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Streams iSCSI session changes of ONTAP clusters; spreads the clusters over its tasks. */
public class OntapIscsiSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(OntapIscsiSourceConnector.class);

    private Map<String, String> props;
    private OntapSourceConfig config;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new OntapSourceConfig(props);
        // Fails now, naming the file, rather than in every task: an unreadable truststore.
        OntapHttpClients.create(config);
        for (ClusterUrl url : config.clusters()) {
            if (url.isPlainHttp()) {
                log.warn("ONTAP cluster {} is reached over plain http: credentials and session data cross the "
                        + "network unencrypted. Use https unless a trusted proxy or a simulator is in between.", url);
            }
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return OntapIscsiSourceTask.class;
    }

    /**
     * Each task gets the connector's own configuration with its share of {@code ontap.clusters}: secrets stay under
     * their own keys, so that the worker can put back config-provider placeholders before it stores task configs.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> clusters : ClusterAssignment.spread(config.getList(OntapSourceConfig.CLUSTERS), maxTasks)) {
            Map<String, String> taskProps = new HashMap<>(props);
            taskProps.put(OntapSourceConfig.CLUSTERS, String.join(",", clusters));
            configs.add(taskProps);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing to release: the connector holds no connections of its own.
    }

    @Override
    public ConfigDef config() {
        return OntapSourceConfig.CONFIG_DEF;
    }
}
