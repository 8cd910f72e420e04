package io.github.ontapkafka.iscsi.config;

import io.github.ontapkafka.iscsi.ontap.ClientIdentity;
import io.github.ontapkafka.iscsi.ontap.ClusterAccess;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.Login;
import io.github.ontapkafka.iscsi.ontap.OAuth2Settings;
import io.github.ontapkafka.iscsi.ontap.Secret;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.ontap.TrustSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.github.ontapkafka.iscsi.config.OntapSourceConfig.*;

/**
 * Reads the settings of each cluster of {@code ontap.clusters}: a cluster listed by URL takes the connector-wide
 * settings; a cluster listed by name takes its URL from {@code ontap.cluster.<name>.url} and any access setting from
 * {@code ontap.cluster.<name>.<setting>} (the connector-wide key without {@code ontap.}), falling back to the
 * connector-wide value for each setting it does not give. Problems are collected, each on the key to change.
 */
final class ClusterSettingsReader {

    static final String CLUSTER_PREFIX = "ontap.cluster.";
    static final String URL_SUFFIX = "url";
    private static final String CONNECTOR_PREFIX = "ontap.";

    /** The connector-wide settings a cluster may give itself. */
    static final List<String> PER_CLUSTER = List.of(AUTH_METHOD, USERNAME, PASSWORD, TRUSTSTORE_LOCATION,
            TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE, HOSTNAME_VERIFICATION, KEYSTORE_LOCATION, KEYSTORE_PASSWORD,
            KEYSTORE_TYPE, KEY_PASSWORD, KEYSTORE_KEY_LOCATION, OAUTH2_TOKEN_ENDPOINT_URL, OAUTH2_CLIENT_ID,
            OAUTH2_CLIENT_SECRET, OAUTH2_SCOPE, OAUTH2_AUDIENCE, OAUTH2_TRUSTSTORE_LOCATION,
            OAUTH2_TRUSTSTORE_PASSWORD, OAUTH2_TRUSTSTORE_TYPE, SESSIONS_FILTER);

    private final Map<String, String> originals;
    private final Map<String, ?> connectorWide;
    private final List<ConfigProblem> problems;

    ClusterSettingsReader(Map<String, String> originals, Map<String, ?> connectorWide, List<ConfigProblem> problems) {
        this.originals = originals;
        this.connectorWide = connectorWide;
        this.problems = problems;
    }

    /** The settings of every listed cluster that has no problem; the problems go to the list given. */
    List<ClusterSettings> readAll(List<String> entries) {
        checkOwnKeys(Set.copyOf(entries));
        List<ClusterSettings> clusters = new ArrayList<>();
        Map<ClusterUrl, String> listed = new HashMap<>();
        for (String entry : entries) {
            ClusterSettings cluster = read(entry.trim());
            if (cluster == null) {
                continue;
            }
            String earlier = listed.putIfAbsent(cluster.url(), cluster.toString());
            if (earlier != null) {
                problems.add(new ConfigProblem(cluster.keyFor(CLUSTERS), "cluster " + cluster + " is listed twice ("
                        + earlier + ")"));
            } else {
                clusters.add(cluster);
            }
        }
        return clusters;
    }

    /** Whether {@code entry} of {@code ontap.clusters} names a cluster rather than giving its URL. */
    static boolean isName(String entry) {
        return !entry.contains("://");
    }

    private ClusterSettings read(String entry) {
        if (!isName(entry)) {
            return settings(ClusterUrl.parse(entry), null, new HashMap<>(connectorWide), Map.of());
        }
        String prefix = CLUSTER_PREFIX + entry + ".";
        String urlKey = prefix + URL_SUFFIX;
        String rawUrl = originals.get(urlKey);
        if (rawUrl == null || rawUrl.isBlank()) {
            problems.add(new ConfigProblem(CLUSTERS, "cluster '" + entry + "' is listed by name: set its URL in "
                    + urlKey));
            return null;
        }
        ClusterUrl url;
        try {
            url = ClusterUrl.parse(rawUrl);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(urlKey, e.getMessage()));
            return null;
        }
        Map<String, Object> values = new HashMap<>(connectorWide);
        Map<String, String> ownKeys = new LinkedHashMap<>();
        ownKeys.put(CLUSTERS, urlKey);
        int before = problems.size();
        for (String key : PER_CLUSTER) {
            String own = prefix + key.substring(CONNECTOR_PREFIX.length());
            if (originals.containsKey(own)) {
                ownKeys.put(key, own);
                values.put(key, parse(key, own, originals.get(own)));
            }
        }
        return problems.size() > before ? null : settings(url, entry, values, ownKeys);
    }

    /** Parses and validates a cluster's own value as its connector-wide key would be, naming the cluster's key. */
    private Object parse(String connectorWideKey, String ownKey, String value) {
        ConfigDef.ConfigKey definition = CONFIG_DEF.configKeys().get(connectorWideKey);
        try {
            Object parsed = ConfigDef.parseType(ownKey, value, definition.type);
            if (definition.validator != null) {
                definition.validator.ensureValid(ownKey, parsed);
            }
            return parsed;
        } catch (ConfigException e) {
            problems.add(new ConfigProblem(ownKey, e.getMessage()));
            return null;
        }
    }

    /** Refuses keys under {@code ontap.cluster.} that no listed cluster would read: typos must not pass silently. */
    private void checkOwnKeys(Set<String> entries) {
        for (String key : originals.keySet()) {
            if (!key.startsWith(CLUSTER_PREFIX)) {
                continue;
            }
            String rest = key.substring(CLUSTER_PREFIX.length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            String setting = dot < 0 ? "" : rest.substring(dot + 1);
            if (!entries.contains(name)) {
                problems.add(new ConfigProblem(key, "no cluster named '" + name + "' is listed in " + CLUSTERS));
            } else if (!setting.equals(URL_SUFFIX) && !PER_CLUSTER.contains(CONNECTOR_PREFIX + setting)) {
                problems.add(new ConfigProblem(key, "'" + setting + "' is not a setting a cluster can give itself; "
                        + "these are: url, " + String.join(", ", PER_CLUSTER.stream()
                        .map(k -> k.substring(CONNECTOR_PREFIX.length())).toList())));
            }
        }
    }

    private ClusterSettings settings(ClusterUrl url, String name, Map<String, Object> values,
                                     Map<String, String> ownKeys) {
        Values cluster = new Values(url, name, values, ownKeys);
        Login login = switch (AuthMethod.fromConfig((String) values.get(AUTH_METHOD))) {
            case BASIC -> cluster.password();
            case CERTIFICATE -> cluster.certificate();
            case OAUTH2 -> cluster.oauth2();
        };
        TrustSettings trust = cluster.trust(TRUSTSTORE_LOCATION, TRUSTSTORE_TYPE, TRUSTSTORE_PASSWORD);
        return login == null ? null : new ClusterSettings(url, name,
                new ClusterAccess(login, trust, (Boolean) values.get(HOSTNAME_VERIFICATION)),
                SessionScope.parse((String) values.get(SESSIONS_FILTER)), ownKeys);
    }

    /** One cluster's effective values, and what to say when one it needs is missing. */
    private final class Values {
        private final ClusterUrl url;
        private final String name;
        private final Map<String, Object> values;
        private final Map<String, String> ownKeys;

        Values(ClusterUrl url, String name, Map<String, Object> values, Map<String, String> ownKeys) {
            this.url = url;
            this.name = name;
            this.values = values;
            this.ownKeys = ownKeys;
        }

        Login password() {
            String username = required(USERNAME, "basic");
            Secret password = requiredSecret(PASSWORD, "basic");
            return username == null || password == null ? null : new Login.Password(username, password);
        }

        Login certificate() {
            String location = required(KEYSTORE_LOCATION, "certificate");
            String type = upper(KEYSTORE_TYPE);
            String keyLocation = text(KEYSTORE_KEY_LOCATION);
            if (keyLocation != null && !type.equals("PEM")) {
                problems.add(new ConfigProblem(key(KEYSTORE_KEY_LOCATION), "cluster " + this + ": a separate key "
                        + "file is for PEM only, and " + key(KEYSTORE_TYPE) + " is " + type));
                return null;
            }
            return location == null ? null : new Login.Certificate(new ClientIdentity(Path.of(location), type,
                    secret(KEYSTORE_PASSWORD), secret(KEY_PASSWORD), keyLocation == null ? null : Path.of(keyLocation)));
        }

        Login oauth2() {
            String endpoint = required(OAUTH2_TOKEN_ENDPOINT_URL, "oauth2");
            String clientId = required(OAUTH2_CLIENT_ID, "oauth2");
            Secret secret = requiredSecret(OAUTH2_CLIENT_SECRET, "oauth2");
            return endpoint == null || clientId == null || secret == null ? null
                    : new Login.OAuth2(new OAuth2Settings(endpoint, clientId, secret, text(OAUTH2_SCOPE),
                    text(OAUTH2_AUDIENCE), trust(OAUTH2_TRUSTSTORE_LOCATION, OAUTH2_TRUSTSTORE_TYPE,
                    OAUTH2_TRUSTSTORE_PASSWORD)));
        }

        TrustSettings trust(String locationKey, String typeKey, String passwordKey) {
            String location = text(locationKey);
            return location == null ? null : new TrustSettings(Path.of(location), upper(typeKey), secret(passwordKey));
        }

        private String required(String key, String method) {
            String value = text(key);
            if (value == null) {
                problems.add(missing(key, method));
            }
            return value;
        }

        private Secret requiredSecret(String key, String method) {
            Secret value = secret(key);
            if (value == null) {
                problems.add(missing(key, method));
            }
            return value;
        }

        private ConfigProblem missing(String key, String method) {
            String own = CLUSTER_PREFIX + name + "." + key.substring(CONNECTOR_PREFIX.length());
            return new ConfigProblem(key(key), "cluster " + this + " authenticates with " + AUTH_METHOD + "="
                    + method + ", which needs " + key + (name == null ? "" : " (or " + own + " for this cluster only)"));
        }

        private String key(String connectorWideKey) {
            return ownKeys.getOrDefault(connectorWideKey, connectorWideKey);
        }

        private String text(String key) {
            Object value = values.get(key);
            return value == null || value.toString().isBlank() ? null : value.toString().trim();
        }

        private String upper(String key) {
            return text(key).toUpperCase(Locale.ROOT);
        }

        private Secret secret(String key) {
            Password password = (Password) values.get(key);
            return password == null || password.value().isEmpty() ? null : Secret.of(password.value());
        }

        @Override
        public String toString() {
            return ClusterSettings.describe(url, name);
        }
    }
}
