package io.github.ontapkafka.iscsi.config;

import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.OntapClients;
import io.github.ontapkafka.iscsi.ontap.RequestPolicy;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The connector's configuration: every key, its documentation, default and validator. */
public final class OntapSourceConfig extends AbstractConfig {

    public static final String CLUSTERS = "ontap.clusters";
    public static final String AUTH_METHOD = "ontap.auth.method";
    public static final String USERNAME = "ontap.username";
    public static final String PASSWORD = "ontap.password";
    public static final String TOPIC = "topic";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String SNAPSHOT_MODE = "snapshot.mode";
    public static final String PAGE_SIZE = "ontap.page.size";
    public static final String CONNECT_TIMEOUT_MS = "ontap.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "ontap.read.timeout.ms";
    public static final String REQUEST_RETRIES = "ontap.request.retries";
    public static final String REQUEST_RETRY_BACKOFF_MS = "ontap.request.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String TRUSTSTORE_LOCATION = "ontap.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "ontap.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "ontap.ssl.truststore.type";
    public static final String HOSTNAME_VERIFICATION = "ontap.ssl.hostname.verification.enabled";
    public static final String KEYSTORE_LOCATION = "ontap.ssl.keystore.location";
    public static final String KEYSTORE_PASSWORD = "ontap.ssl.keystore.password";
    public static final String KEYSTORE_TYPE = "ontap.ssl.keystore.type";
    public static final String KEY_PASSWORD = "ontap.ssl.key.password";
    public static final String KEYSTORE_KEY_LOCATION = "ontap.ssl.keystore.key.location";
    public static final String OAUTH2_TOKEN_ENDPOINT_URL = "ontap.oauth2.token.endpoint.url";
    public static final String OAUTH2_CLIENT_ID = "ontap.oauth2.client.id";
    public static final String OAUTH2_CLIENT_SECRET = "ontap.oauth2.client.secret";
    public static final String OAUTH2_SCOPE = "ontap.oauth2.scope";
    public static final String OAUTH2_AUDIENCE = "ontap.oauth2.audience";
    public static final String OAUTH2_TRUSTSTORE_LOCATION = "ontap.oauth2.ssl.truststore.location";
    public static final String OAUTH2_TRUSTSTORE_PASSWORD = "ontap.oauth2.ssl.truststore.password";
    public static final String OAUTH2_TRUSTSTORE_TYPE = "ontap.oauth2.ssl.truststore.type";
    public static final String VALIDATE_CONNECTION = "ontap.validate.connection";
    public static final String SESSIONS_FILTER = "ontap.sessions.filter";
    public static final String HEALTH_TOPIC = "health.topic";
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String EMS_ENABLED = "ems.enabled";
    public static final String EMS_TOPIC = "ems.topic";
    public static final String TABLE_TOPIC = "table.topic";
    /** Set by the connector in each task's configuration: the task's number, which health records name. */
    public static final String TASK_ID = "ontap.task.id";

    public static final String DEFAULT_TOPIC = "ontap.iscsi.sessions";
    public static final String DEFAULT_HEALTH_TOPIC = "ontap.iscsi.health";
    public static final String DEFAULT_EMS_TOPIC = "ontap.iscsi.ems";

    private static final String GROUP_ONTAP = "ONTAP";
    private static final String GROUP_EVENTS = "Events";
    private static final String GROUP_HEALTH = "Health";
    private static final String GROUP_EMS = "Failed logins (EMS)";
    private static final String GROUP_RESILIENCE = "Resilience";
    private static final String GROUP_TLS = "TLS";
    private static final String GROUP_CERTIFICATE = "Certificate authentication";
    private static final String GROUP_OAUTH2 = "OAuth 2.0 authentication";

    public static final ConfigDef CONFIG_DEF = buildConfigDef();
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private final List<ClusterSettings> clusters;

    /** @throws ConfigException on the first problem found, naming the key to change */
    public OntapSourceConfig(Map<String, String> props) {
        this(props, new ArrayList<>(), true);
    }

    private OntapSourceConfig(Map<String, String> props, List<ConfigProblem> problems, boolean throwOnProblem) {
        super(CONFIG_DEF, props);
        if (getString(TOPIC).trim().equals(healthTopic())) {
            problems.add(new ConfigProblem(HEALTH_TOPIC, "must differ from " + TOPIC
                    + ": health records and session events have schemas of their own"));
        }
        if (emsTopic() != null && (emsTopic().equals(getString(TOPIC).trim()) || emsTopic().equals(healthTopic()))) {
            problems.add(new ConfigProblem(EMS_TOPIC, "must differ from " + TOPIC + " and " + HEALTH_TOPIC
                    + ": EMS records have a schema of their own"));
        }
        if (tableTopic() != null && List.of(getString(TOPIC).trim(), String.valueOf(healthTopic()),
                String.valueOf(emsTopic())).contains(tableTopic())) {
            problems.add(new ConfigProblem(TABLE_TOPIC, "must differ from " + TOPIC + ", " + HEALTH_TOPIC + " and "
                    + EMS_TOPIC + ": the table holds one record per live session, compacted"));
        }
        this.clusters = List.copyOf(new ClusterSettingsReader(originalsStrings(), values(), problems)
                .readAll(getList(CLUSTERS)));
        if (throwOnProblem && !problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            throw new ConfigException(first.key() + ": " + first.message());
        }
    }

    /**
     * For validation: the configuration with every problem across keys added to {@code problems} instead of thrown.
     * Each key must be valid on its own; clusters with a problem are left out of {@link #clusters()}.
     */
    public static OntapSourceConfig collectingProblems(Map<String, String> props, List<ConfigProblem> problems) {
        return new OntapSourceConfig(props, problems, false);
    }

    private static ConfigDef buildConfigDef() {
        int ontap = 0;
        int events = 0;
        int health = 0;
        int ems = 0;
        int resilience = 0;
        int tls = 0;
        int certificate = 0;
        int oauth2 = 0;
        return new ConfigDef()
                .define(CLUSTERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new ClusterListValidator(), Importance.HIGH,
                        "Comma-separated management base URLs of the ONTAP clusters to watch, for example "
                                + "https://cluster1.example.com,https://10.0.0.5:8443. http:// is accepted for proxies "
                                + "and simulators, with a warning. Each cluster is identified by the UUID it reports, "
                                + "so a cluster keeps its state when its address changes.",
                        GROUP_ONTAP, ++ontap, Width.LONG, "Cluster URLs")
                .define(AUTH_METHOD, Type.STRING, AuthMethod.BASIC.configValue(),
                        ConfigDef.CaseInsensitiveValidString.in(AuthMethod.configValues()), Importance.HIGH,
                        "How the connector proves itself to the clusters: 'basic' (an ONTAP account and its "
                                + "password), 'certificate' (a TLS client certificate whose common name is an ONTAP "
                                + "account, see ontap.ssl.keystore.*) or 'oauth2' (bearer tokens of your identity "
                                + "provider, client-credentials grant, ONTAP 9.14 and later, see ontap.oauth2.*). A "
                                + "cluster listed by name may use its own: ontap.cluster.<name>.auth.method.",
                        GROUP_ONTAP, ++ontap, Width.SHORT, "Authentication method")
                .define(USERNAME, Type.STRING, null, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "ONTAP account for HTTP Basic authentication (ontap.auth.method=basic). A "
                                + "read-only REST role that may read /api/cluster and "
                                + "/api/protocols/san/iscsi/sessions suffices.",
                        GROUP_ONTAP, ++ontap, Width.MEDIUM, "Username")
                .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                        "Password of ontap.username. Use a config provider (${file:...}) to keep it out of the "
                                + "connector configuration.",
                        GROUP_ONTAP, ++ontap, Width.MEDIUM, "Password")
                .define(VALIDATE_CONNECTION, Type.BOOLEAN, true, Importance.LOW,
                        "Whether validating the configuration (the Connect REST validate endpoint, and every connector "
                                + "create or update) contacts each cluster to check that it answers, that TLS trust "
                                + "holds, that the credentials are accepted and that the account may read the "
                                + "sessions. Switch it off to create the connector while a cluster is unreachable.",
                        GROUP_ONTAP, ++ontap, Width.SHORT, "Validate connection")
                .define(SESSIONS_FILTER, Type.STRING, "", new SessionFilterValidator(), Importance.MEDIUM,
                        "Which sessions to watch, as a filter in ONTAP's query syntax on the sessions collection, sent "
                                + "to ONTAP so that ONTAP does the filtering: terms field=expression joined by &, "
                                + "for example 'svm.name=prod_*' or 'svm.name=prod_*&initiator.name=iqn.1998-01.com"
                                + ".vmware:*|iqn.1991-05.com.microsoft:*' (* wildcard, | or, ! not, < > <= >= and "
                                + "a..b for numbers). Fields: those of the session record (svm.name, initiator.name, "
                                + "igroups.name, connections.initiator_address.address, ...). Empty: every session. "
                                + "Changing it emits no LOGOUT for sessions that leave the scope and treats those "
                                + "that enter it as a first poll does (snapshot.mode).",
                        GROUP_ONTAP, ++ontap, Width.LONG, "Sessions filter")
                .define(PAGE_SIZE, Type.INT, 500, ConfigDef.Range.between(1, 10_000), Importance.LOW,
                        "Records asked for per page (max_records). ONTAP may return fewer; the connector follows "
                                + "every next link whatever the page size.",
                        GROUP_ONTAP, ++ontap, Width.SHORT, "Page size")
                .define(CONNECT_TIMEOUT_MS, Type.INT, 6_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "TCP connect timeout for ONTAP requests, in milliseconds.",
                        GROUP_ONTAP, ++ontap, Width.SHORT, "Connect timeout")
                .define(READ_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Read timeout for one ONTAP response, in milliseconds. ONTAP ends a slow page after its "
                                + "return_timeout (15 s by default), so keep this above that.",
                        GROUP_ONTAP, ++ontap, Width.SHORT, "Read timeout")
                .define(TOPIC, Type.STRING, DEFAULT_TOPIC, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Topic the session events are written to.",
                        GROUP_EVENTS, ++events, Width.MEDIUM, "Topic")
                .define(POLL_INTERVAL_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(100), Importance.MEDIUM,
                        "How often each cluster is polled, in milliseconds. A change is reported by the first poll "
                                + "that sees it, so this bounds the delay of an event.",
                        GROUP_EVENTS, ++events, Width.SHORT, "Poll interval")
                .define(SNAPSHOT_MODE, Type.STRING, SnapshotMode.INITIAL.configValue(),
                        ConfigDef.CaseInsensitiveValidString.in(SnapshotMode.configValues()), Importance.MEDIUM,
                        "What the first poll of a cluster without stored state does: 'initial' emits a SNAPSHOT "
                                + "event per session already present; 'never' records them silently, so that only "
                                + "later changes are emitted.",
                        GROUP_EVENTS, ++events, Width.SHORT, "Snapshot mode")
                .define(TABLE_TOPIC, Type.STRING, "", Importance.MEDIUM,
                        "Topic of the current-sessions table: with every session event, the session as it is now "
                                + "(a CurrentSession keyed like the events), and a tombstone when it is gone, so that "
                                + "a compacted topic read to its end holds exactly the sessions logged in now, for a "
                                + "KTable or a lake table. Create it with cleanup.policy=compact. Empty: no table.",
                        GROUP_EVENTS, ++events, Width.MEDIUM, "Table topic")
                .define(HEALTH_TOPIC, Type.STRING, DEFAULT_HEALTH_TOPIC, Importance.HIGH,
                        "Topic the health records of the clusters are written to: one when a cluster's health "
                                + "changes (first contact, OK to FAILING, FAILING to OK, another kind of failure) and "
                                + "a heartbeat every heartbeat.interval.ms, keyed by connector and configured cluster "
                                + "URL so that a compacted topic keeps each cluster's current health. Empty: no "
                                + "health records.",
                        GROUP_HEALTH, ++health, Width.MEDIUM, "Health topic")
                .define(HEARTBEAT_INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                        "How often each cluster's health is written again while it does not change, in "
                                + "milliseconds, whether OK or FAILING: a missing heartbeat means the connector "
                                + "itself is not running. 0 switches heartbeats off, not the records of changes.",
                        GROUP_HEALTH, ++health, Width.SHORT, "Heartbeat interval")
                .define(EMS_ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Whether to also read each cluster's event log (EMS) for failed and refused iSCSI logins "
                                + "(iscsi.loginIpNotAuthorized, iscsi.loginFailure) and initiators that lost or "
                                + "regained their login to a node (san.initiator.login*), and write them to "
                                + "ems.topic. Off by default: the account needs read access to "
                                + "/api/support/ems/events and /api/cluster/nodes as well, and refused logins are "
                                + "reported only where address ranges are configured (README).",
                        GROUP_EMS, ++ems, Width.SHORT, "Read failed logins")
                .define(EMS_TOPIC, Type.STRING, DEFAULT_EMS_TOPIC, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Topic the EMS records are written to, when ems.enabled.",
                        GROUP_EMS, ++ems, Width.MEDIUM, "EMS topic")
                .define(REQUEST_RETRIES, Type.INT, 4, ConfigDef.Range.between(0, 20), Importance.LOW,
                        "How often one ONTAP request is retried after a connection failure, a timeout or a status "
                                + "429, 500, 502, 503 or 504, before the poll of that cluster counts as failed.",
                        GROUP_RESILIENCE, ++resilience, Width.SHORT, "Request retries")
                .define(REQUEST_RETRY_BACKOFF_MS, Type.LONG, 500L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "Wait before the first retry of a request, in milliseconds; it doubles with each retry.",
                        GROUP_RESILIENCE, ++resilience, Width.SHORT, "Request retry backoff")
                .define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "Wait before polling a cluster again after a failed poll, in milliseconds. It doubles with "
                                + "each further failure, up to retry.backoff.max.ms; the first success restores the "
                                + "normal poll interval. Other clusters keep their schedule.",
                        GROUP_RESILIENCE, ++resilience, Width.SHORT, "Cluster retry backoff")
                .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "Longest wait between polls of a cluster that keeps failing, in milliseconds.",
                        GROUP_RESILIENCE, ++resilience, Width.SHORT, "Cluster retry backoff max")
                .define(TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
                        "Truststore for the clusters' TLS certificates, for self-signed or private-CA certificates. "
                                + "Empty: the JVM's default trust. Verification is never switched off.",
                        GROUP_TLS, ++tls, Width.LONG, "Truststore location")
                .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                        "Password of the truststore, if it has one (not needed for PEM).",
                        GROUP_TLS, ++tls, Width.MEDIUM, "Truststore password")
                .define(TRUSTSTORE_TYPE, Type.STRING, "PKCS12",
                        ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS", "PEM"), Importance.LOW,
                        "Format of the truststore: PKCS12, JKS, or PEM (a file of X.509 certificates).",
                        GROUP_TLS, ++tls, Width.SHORT, "Truststore type")
                .define(HOSTNAME_VERIFICATION, Type.BOOLEAN, true, Importance.LOW,
                        "Whether the cluster certificate must match the host name of its URL. Switch it off only "
                                + "for certificates issued without the address you connect to; the certificate "
                                + "chain is verified either way.",
                        GROUP_TLS, ++tls, Width.SHORT, "Hostname verification")
                .define(KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
                        "The client certificate and its private key, for ontap.auth.method=certificate: a PKCS12 or "
                                + "JKS key store with one key entry, or a PEM file with the certificate chain and a "
                                + "PKCS#8 key (plain or encrypted; the key may be in its own file, "
                                + "ontap.ssl.keystore.key.location). ONTAP maps the certificate's common name to an "
                                + "account with a login of -authentication-method cert.",
                        GROUP_CERTIFICATE, ++certificate, Width.LONG, "Keystore location")
                .define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                        "Password of the key store (not needed for PEM).",
                        GROUP_CERTIFICATE, ++certificate, Width.MEDIUM, "Keystore password")
                .define(KEYSTORE_TYPE, Type.STRING, "PKCS12",
                        ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS", "PEM"), Importance.LOW,
                        "Format of the key store: PKCS12, JKS, or PEM.",
                        GROUP_CERTIFICATE, ++certificate, Width.SHORT, "Keystore type")
                .define(KEY_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                        "Password of the private key, if it differs from the key store's; for PEM, the password "
                                + "of an encrypted PKCS#8 key (BEGIN ENCRYPTED PRIVATE KEY).",
                        GROUP_CERTIFICATE, ++certificate, Width.MEDIUM, "Key password")
                .define(KEYSTORE_KEY_LOCATION, Type.STRING, null, Importance.LOW,
                        "PEM only: the file with the PKCS#8 private key, when it is not in "
                                + "ontap.ssl.keystore.location.",
                        GROUP_CERTIFICATE, ++certificate, Width.LONG, "Key location")
                .define(OAUTH2_TOKEN_ENDPOINT_URL, Type.STRING, null, new HttpUrlValidator(), Importance.MEDIUM,
                        "Token endpoint of your identity provider, for ontap.auth.method=oauth2. The connector asks "
                                + "it for a token with the client-credentials grant, caches the token, renews it "
                                + "after four fifths of its lifetime and once more when a cluster rejects it.",
                        GROUP_OAUTH2, ++oauth2, Width.LONG, "Token endpoint URL")
                .define(OAUTH2_CLIENT_ID, Type.STRING, null, Importance.MEDIUM,
                        "The connector's client id at the identity provider.",
                        GROUP_OAUTH2, ++oauth2, Width.MEDIUM, "Client id")
                .define(OAUTH2_CLIENT_SECRET, Type.PASSWORD, null, Importance.MEDIUM,
                        "The client's secret, sent to the token endpoint only (HTTP Basic, RFC 6749 2.3.1). Use a "
                                + "config provider.",
                        GROUP_OAUTH2, ++oauth2, Width.MEDIUM, "Client secret")
                .define(OAUTH2_SCOPE, Type.STRING, null, Importance.LOW,
                        "Scope to ask for, space-separated, if your provider or ONTAP's mapping needs one.",
                        GROUP_OAUTH2, ++oauth2, Width.MEDIUM, "Scope")
                .define(OAUTH2_AUDIENCE, Type.STRING, null, Importance.LOW,
                        "Audience to ask for (the 'audience' parameter some providers, Auth0 among them, need).",
                        GROUP_OAUTH2, ++oauth2, Width.MEDIUM, "Audience")
                .define(OAUTH2_TRUSTSTORE_LOCATION, Type.STRING, null, Importance.LOW,
                        "Truststore for the token endpoint's certificate, when it is not the JVM's default trust; "
                                + "independent of ontap.ssl.truststore.location.",
                        GROUP_OAUTH2, ++oauth2, Width.LONG, "Token endpoint truststore location")
                .define(OAUTH2_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
                        "Password of that truststore, if it has one.",
                        GROUP_OAUTH2, ++oauth2, Width.MEDIUM, "Token endpoint truststore password")
                .define(OAUTH2_TRUSTSTORE_TYPE, Type.STRING, "PKCS12",
                        ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS", "PEM"), Importance.LOW,
                        "Format of that truststore: PKCS12, JKS, or PEM.",
                        GROUP_OAUTH2, ++oauth2, Width.SHORT, "Token endpoint truststore type");
    }

    /** The clusters to watch, each with the settings it is read with. */
    public List<ClusterSettings> clusters() {
        return clusters;
    }

    public String topic() {
        return getString(TOPIC);
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public SnapshotMode snapshotMode() {
        return SnapshotMode.fromConfig(getString(SNAPSHOT_MODE));
    }

    /** The health topic, or null when health records are switched off. */
    public String healthTopic() {
        String topic = getString(HEALTH_TOPIC);
        return topic == null || topic.isBlank() ? null : topic.trim();
    }

    /** The current-sessions table topic, or null when there is none. */
    public String tableTopic() {
        String topic = getString(TABLE_TOPIC);
        return topic == null || topic.isBlank() ? null : topic.trim();
    }

    /** The topic of the EMS records, or null when the event log is not read. */
    public String emsTopic() {
        return getBoolean(EMS_ENABLED) ? getString(EMS_TOPIC).trim() : null;
    }

    /** The heartbeat interval; zero when heartbeats are switched off. */
    public Duration heartbeatInterval() {
        return Duration.ofMillis(getLong(HEARTBEAT_INTERVAL_MS));
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    public Duration retryBackoffMax() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS));
    }

    /** How ONTAP requests are paged and retried. */
    public RequestPolicy requestPolicy() {
        return new RequestPolicy(getInt(PAGE_SIZE), getInt(REQUEST_RETRIES),
                Duration.ofMillis(getLong(REQUEST_RETRY_BACKOFF_MS)));
    }

    /** Whether {@code key} is a setting of one cluster, {@code ontap.cluster.<name>.*}. */
    public static boolean isClusterKey(String key) {
        return key.startsWith(ClusterSettingsReader.CLUSTER_PREFIX);
    }

    /** Whether {@code key} is a setting of the cluster listed as {@code entry} in {@code ontap.clusters}. */
    public static boolean isKeyOfCluster(String key, String entry) {
        return key.startsWith(ClusterSettingsReader.CLUSTER_PREFIX + entry.trim() + ".");
    }

    /** Makes the clients of the clusters, with the configured timeouts and retries. */
    public OntapClients ontapClients(Duration callTimeout, RequestPolicy policy, Clock clock) {
        return new OntapClients(Duration.ofMillis(getInt(CONNECT_TIMEOUT_MS)), Duration.ofMillis(getInt(READ_TIMEOUT_MS)),
                callTimeout, policy, clock);
    }

    /** Checks each URL of the list, so that the error names the offending cluster; duplicates are refused too. */
    static final class ClusterListValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) value;
            if (urls == null || urls.isEmpty()) {
                throw new ConfigException(name, "", "at least one cluster URL is required");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String raw : urls) {
                String entry = raw.trim();
                if (ClusterSettingsReader.isName(entry)) {
                    if (!CLUSTER_NAME.matcher(entry).matches()) {
                        throw new ConfigException(name + ": '" + entry + "' is neither an http(s) URL nor a cluster "
                                + "name (letters, digits, '_' and '-')");
                    }
                } else {
                    try {
                        entry = ClusterUrl.parse(entry).toString();
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(name + ": " + e.getMessage());
                    }
                }
                if (!seen.add(entry)) {
                    throw new ConfigException(name + ": cluster " + entry + " is listed twice");
                }
            }
        }

        @Override
        public String toString() {
            return "comma-separated http(s) base URLs, or names of clusters with an ontap.cluster.<name>.url";
        }
    }

    /** Accepts a filter {@link SessionScope} can read, and says what is wrong with one it cannot. */
    static final class SessionFilterValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                SessionScope.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "ONTAP query terms field=expression joined by &, on fields of the session record";
        }
    }

    /** Accepts an http(s) URL or nothing. */
    static final class HttpUrlValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || value.toString().isBlank()) {
                return;
            }
            try {
                URI uri = new URI(value.toString().trim());
                if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                    throw new ConfigException(name, value, "expected an http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(name, value, "not a URL: " + e.getReason());
            }
        }

        @Override
        public String toString() {
            return "an https URL";
        }
    }
}
