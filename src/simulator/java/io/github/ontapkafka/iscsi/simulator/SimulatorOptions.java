package io.github.ontapkafka.iscsi.simulator;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standalone simulator's command line. Every option takes a value, as {@code --name value} or
 * {@code --name=value}.
 *
 * @param pageCap              the most records per page whatever clients ask; 0 for no cap
 * @param keystore             a PKCS#12 key store to serve HTTPS with; null for plain HTTP
 * @param clientCa             a PEM file of the CA certificates that issue client certificates, turning on mutual
 *                             TLS; null for none
 * @param certUsers            subject CNs of client certificates that log in without a password
 * @param oauth2ClientId       the client of a token endpoint served at {@code /oauth2/token}, whose bearer tokens the
 *                             clusters accept; null for none
 * @param tokenLifetimeSeconds how long that endpoint's tokens last
 */
public record SimulatorOptions(int port, String bindAddress, int clusters, int sessions, int churnPerMinute,
                               String username, String password, int pageCap, long seed, String version,
                               Path keystore, String keystorePassword, Path clientCa, List<String> certUsers,
                               String oauth2ClientId, String oauth2ClientSecret, int tokenLifetimeSeconds) {

    public static final String USAGE = """
            Usage: java -jar target/ontap-simulator.jar [options]
              --port N                 port to listen on (default 8443; 0 picks a free one)
              --bind ADDRESS           address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
              --clusters N             clusters to simulate, mounted as /clusters/c1 ... (default 1)
              --sessions N             sessions each cluster starts with (default 50)
              --churn-per-minute N     random session changes per minute and cluster (default 0: none), with
                                       now and then an EMS event, rarely a refused login
              --username NAME          the HTTP Basic user (default admin)
              --password SECRET        its password (default netapp123)
              --page-cap N             most records per page, whatever max_records asks (default: no cap)
              --seed N                 seed of the generated clusters and workload (default 1)
              --version TEXT           ONTAP version string (default "%s")
              --keystore FILE          PKCS#12 key store: serve HTTPS instead of HTTP
              --keystore-password PW   its password
              --client-ca FILE         PEM file of CA certificates: request client certificates and fail the
                                       handshake on one these CAs did not issue (mutual TLS; needs --keystore)
              --cert-user NAMES        comma-separated subject CNs of client certificates that log in without a
                                       password (needs --client-ca)
              --oauth2-client-id ID    serve an OAuth 2.0 token endpoint at /oauth2/token (client credentials grant)
                                       for this client, and accept its bearer tokens
              --oauth2-client-secret S that client's secret
              --token-lifetime N       seconds a token lasts (default 3600)
            """.formatted(SimulatedCluster.DEFAULT_VERSION);

    private static final Set<String> NAMES = Set.of("port", "bind", "clusters", "sessions", "churn-per-minute",
            "username", "password", "page-cap", "seed", "version", "keystore", "keystore-password", "client-ca",
            "cert-user", "oauth2-client-id", "oauth2-client-secret", "token-lifetime");
    private static final int DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

    public SimulatorOptions {
        requireAtLeast("port", port, 0);
        requireAtLeast("clusters", clusters, 1);
        requireAtLeast("sessions", sessions, 0);
        requireAtLeast("churn-per-minute", churnPerMinute, 0);
        requireAtLeast("page-cap", pageCap, 0);
        requireAtLeast("token-lifetime", tokenLifetimeSeconds, 1);
        certUsers = List.copyOf(certUsers);
        requireWith("client-ca", clientCa != null, "keystore", keystore != null);
        requireWith("cert-user", !certUsers.isEmpty(), "client-ca", clientCa != null);
        requireWith("oauth2-client-id", oauth2ClientId != null, "oauth2-client-secret", oauth2ClientSecret != null);
        requireWith("oauth2-client-secret", oauth2ClientSecret != null, "oauth2-client-id", oauth2ClientId != null);
    }

    /** Options without client certificates or OAuth 2.0, as before they existed. */
    public SimulatorOptions(int port, String bindAddress, int clusters, int sessions, int churnPerMinute,
                            String username, String password, int pageCap, long seed, String version,
                            Path keystore, String keystorePassword) {
        this(port, bindAddress, clusters, sessions, churnPerMinute, username, password, pageCap, seed, version,
                keystore, keystorePassword, null, List.of(), null, null, DEFAULT_TOKEN_LIFETIME_SECONDS);
    }

    /** @throws IllegalArgumentException on an unknown option, a missing value or a value out of range */
    public static SimulatorOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Not an option: " + arg);
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
            if (equals < 0 && i + 1 >= args.length) {
                throw new IllegalArgumentException("Option --" + name + " needs a value");
            }
            given.put(name, equals < 0 ? args[++i] : arg.substring(equals + 1));
        }
        String keystore = given.get("keystore");
        String clientCa = given.get("client-ca");
        String certUsers = given.getOrDefault("cert-user", "");
        return new SimulatorOptions(
                integer(given, "port", 8443),
                given.getOrDefault("bind", "127.0.0.1"),
                integer(given, "clusters", 1),
                integer(given, "sessions", 50),
                integer(given, "churn-per-minute", 0),
                given.getOrDefault("username", "admin"),
                given.getOrDefault("password", "netapp123"),
                integer(given, "page-cap", 0),
                Long.parseLong(given.getOrDefault("seed", "1")),
                given.getOrDefault("version", SimulatedCluster.DEFAULT_VERSION),
                keystore == null ? null : Path.of(keystore),
                given.getOrDefault("keystore-password", ""),
                clientCa == null ? null : Path.of(clientCa),
                Arrays.stream(certUsers.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList(),
                given.get("oauth2-client-id"),
                given.get("oauth2-client-secret"),
                integer(given, "token-lifetime", DEFAULT_TOKEN_LIFETIME_SECONDS));
    }

    private static int integer(Map<String, String> given, String name, int byDefault) {
        String value = given.get(name);
        try {
            return value == null ? byDefault : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs an integer, not " + value);
        }
    }

    private static void requireWith(String name, boolean given, String needed, boolean neededGiven) {
        if (given && !neededGiven) {
            throw new IllegalArgumentException("--" + name + " needs --" + needed);
        }
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("--" + name + " must be at least " + minimum + ", not " + value);
        }
    }
}
