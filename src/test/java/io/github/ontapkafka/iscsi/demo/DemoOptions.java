package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.ontap.SessionScope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo's command line (see {@code usage.txt}, which {@code ./demo --help} prints without building anything).
 * Options take a value as {@code --name value} or {@code --name=value}; flags take none.
 *
 * @param ontapUrls      the real clusters to watch; empty for the simulator
 * @param authMethod     how the connector logs in to the real clusters: basic, certificate or oauth2 (always basic
 *                       for the simulator)
 * @param username       the ONTAP account, for basic only
 * @param truststoreType the format of {@code truststore}, null without one
 * @param certificate    the client certificate, for certificate only; null otherwise
 * @param oauth2         the identity provider's client, for oauth2 only; null otherwise
 * @param filter         the scope, {@code ontap.sessions.filter}; null for every session
 * @param ems            whether the connector reads the event log (EMS) for failed and refused logins: always with
 *                       the simulator, only with {@code --ems} against a real cluster, whose account needs the EMS
 *                       role (and whose SVMs need address ranges for refusals to happen at all)
 * @param siem           the SIEM form to show the session events and EMS records in, {@code ocsf} or {@code ecs},
 *                       as the plugin's transforms make them; null for the demo's own lines
 */
record DemoOptions(List<String> ontapUrls, String authMethod, String username, Path truststore,
                   String truststoreType, boolean verifyHostname, ClientCertificate certificate, OAuth2Client oauth2,
                   String filter, boolean ems, int clusters, int sessions, int pollSeconds, String snapshotMode,
                   String siem, boolean color, boolean help) {

    static final String BASIC = "basic";
    static final String CERTIFICATE = "certificate";
    static final String OAUTH2 = "oauth2";

    /**
     * A client certificate and its key (secrets apart: see {@link OntapLogin}).
     *
     * @param type PKCS12, JKS or PEM
     * @param key  the PEM key in a file of its own; null when it is in {@code keystore}
     */
    record ClientCertificate(Path keystore, String type, Path key) {
    }

    /**
     * A client of the identity provider, for the client-credentials grant (its secret apart: see
     * {@link OntapLogin}). The token endpoint's certificate is checked against the JVM's default trust.
     *
     * @param scope    null unless given
     * @param audience null unless given
     */
    record OAuth2Client(String tokenUrl, String clientId, String scope, String audience) {
    }

    private static final Set<String> VALUED = Set.of("ontap", "auth", "username", "truststore", "truststore-type",
            "keystore", "keystore-type", "key", "token-url", "client-id", "scope", "audience", "filter", "clusters",
            "sessions", "poll-seconds", "snapshot", "siem");
    private static final Set<String> FLAGS = Set.of("no-verify-hostname", "ems", "no-color", "help");
    /** Options that only make sense against a real cluster. */
    private static final List<String> REAL_CLUSTER_ONLY = List.of("auth", "username", "truststore", "truststore-type",
            "no-verify-hostname", "ems", "keystore", "keystore-type", "key", "token-url", "client-id", "scope",
            "audience");
    private static final List<String> SIMULATOR_ONLY = List.of("clusters", "sessions");
    /** The options of each authentication method, refused with another. */
    private static final List<Map.Entry<String, List<String>>> METHOD_OPTIONS = List.of(
            Map.entry(BASIC, List.of("username")),
            Map.entry(CERTIFICATE, List.of("keystore", "keystore-type", "key")),
            Map.entry(OAUTH2, List.of("token-url", "client-id", "scope", "audience")));
    private static final Set<String> AUTH_METHODS = Set.of(BASIC, CERTIFICATE, OAUTH2);
    private static final Set<String> STORE_TYPES = Set.of("PEM", "PKCS12", "JKS");
    private static final Set<String> SNAPSHOT_MODES = Set.of("initial", "never");
    private static final Set<String> SIEM_FORMS = Set.of("ocsf", "ecs");

    boolean simulated() {
        return ontapUrls.isEmpty();
    }

    /** @throws IllegalArgumentException naming what is wrong, for the user to read */
    static DemoOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].equals("-h") ? "--help" : args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Not an option: " + arg);
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (FLAGS.contains(name) && equals < 0) {
                given.put(name, "true");
            } else if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + arg);
            } else if (equals >= 0) {
                given.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                given.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("Option --" + name + " needs a value");
            }
        }
        return of(given);
    }

    private static DemoOptions of(Map<String, String> given) {
        boolean real = given.containsKey("ontap");
        for (String name : real ? SIMULATOR_ONLY : REAL_CLUSTER_ONLY) {
            if (given.containsKey(name)) {
                throw new IllegalArgumentException("--" + name + (real ? " is for the simulator, not with --ontap"
                        : " goes with --ontap"));
            }
        }
        List<String> urls = real ? Arrays.stream(given.get("ontap").split(",")).map(String::trim)
                .filter(url -> !url.isEmpty()).toList() : List.of();
        if (real && urls.isEmpty()) {
            throw new IllegalArgumentException("--ontap needs at least one URL");
        }
        String method = oneOf("auth", given.getOrDefault("auth", BASIC).toLowerCase(Locale.ROOT), AUTH_METHODS);
        for (Map.Entry<String, List<String>> other : METHOD_OPTIONS) {
            for (String name : other.getValue()) {
                if (!other.getKey().equals(method) && given.containsKey(name)) {
                    throw new IllegalArgumentException("--" + name + " goes with --auth " + other.getKey()
                            + ", not with --auth " + method);
                }
            }
        }
        if (real && method.equals(BASIC) && !given.containsKey("username")) {
            throw new IllegalArgumentException("--ontap needs --username (or --auth certificate or --auth oauth2)");
        }
        Path truststore = path(given, "truststore");
        String truststoreType = given.containsKey("truststore-type")
                ? oneOf("truststore-type", given.get("truststore-type").toUpperCase(Locale.ROOT), STORE_TYPES)
                : truststore == null ? null : typeByExtension(truststore);
        if (truststore == null && truststoreType != null) {
            throw new IllegalArgumentException("--truststore-type goes with --truststore");
        }
        return new DemoOptions(urls, method, given.get("username"), truststore, truststoreType,
                !given.containsKey("no-verify-hostname"),
                method.equals(CERTIFICATE) ? certificate(given) : null,
                method.equals(OAUTH2) ? oauth2(given) : null, filter(given.get("filter")),
                !real || given.containsKey("ems"),
                positive(given, "clusters", 2), atLeastZero(given, "sessions", 12), positive(given, "poll-seconds", 2),
                oneOf("snapshot", given.getOrDefault("snapshot", "initial").toLowerCase(Locale.ROOT), SNAPSHOT_MODES),
                given.containsKey("siem") ? oneOf("siem", given.get("siem").toLowerCase(Locale.ROOT), SIEM_FORMS)
                        : null,
                !given.containsKey("no-color"), given.containsKey("help"));
    }

    private static ClientCertificate certificate(Map<String, String> given) {
        Path keystore = path(given, "keystore");
        if (keystore == null) {
            throw new IllegalArgumentException("--auth certificate needs --keystore");
        }
        String type = given.containsKey("keystore-type")
                ? oneOf("keystore-type", given.get("keystore-type").toUpperCase(Locale.ROOT), STORE_TYPES)
                : typeByExtension(keystore);
        Path key = path(given, "key");
        if (key != null && !type.equals("PEM")) {
            throw new IllegalArgumentException("--key is for a PEM keystore; " + keystore.getFileName() + " is read "
                    + "as " + type + " (--keystore-type PEM if it is PEM)");
        }
        return new ClientCertificate(keystore, type, key);
    }

    private static OAuth2Client oauth2(Map<String, String> given) {
        for (String required : List.of("token-url", "client-id")) {
            if (given.getOrDefault(required, "").isBlank()) {
                throw new IllegalArgumentException("--auth oauth2 needs --" + required);
            }
        }
        String tokenUrl = given.get("token-url").trim();
        URI uri;
        try {
            uri = new URI(tokenUrl);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("--token-url needs an http(s) URL, not " + tokenUrl);
        }
        return new OAuth2Client(tokenUrl, given.get("client-id").trim(), blankAsNull(given.get("scope")),
                blankAsNull(given.get("audience")));
    }

    /** The filter as the connector will read it, checked now so that a mistake is told before anything starts. */
    private static String filter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            SessionScope.parse(filter);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--filter " + filter + ": " + e.getMessage());
        }
        return filter.trim();
    }

    private static Path path(Map<String, String> given, String name) {
        return given.containsKey(name) ? Path.of(given.get(name)).toAbsolutePath() : null;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The text of {@code ./demo --help}. */
    static String usage() {
        try (InputStream in = DemoOptions.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type of a truststore or keystore by its file name: what {@code --*-type} defaults to. */
    private static String typeByExtension(Path store) {
        String name = store.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
            return "PEM";
        }
        return name.endsWith(".jks") ? "JKS" : "PKCS12";
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("--" + name + " must be one of " + allowed.stream().sorted().toList()
                    + ", not " + value);
        }
        return value;
    }

    private static int positive(Map<String, String> given, String name, int byDefault) {
        return atLeast(given, name, byDefault, 1);
    }

    private static int atLeastZero(Map<String, String> given, String name, int byDefault) {
        return atLeast(given, name, byDefault, 0);
    }

    private static int atLeast(Map<String, String> given, String name, int byDefault, int minimum) {
        String value = given.get(name);
        int number;
        try {
            number = value == null ? byDefault : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, not " + value);
        }
        if (number < minimum) {
            throw new IllegalArgumentException("--" + name + " must be at least " + minimum + ", not " + number);
        }
        return number;
    }
}
