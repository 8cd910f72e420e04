package io.github.ontapkafka.iscsi.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * @param truststoreType the format of {@code truststore}, null without one
 */
record DemoOptions(List<String> ontapUrls, String username, Path truststore, String truststoreType,
                   boolean verifyHostname, int clusters, int sessions, int pollSeconds, String snapshotMode,
                   boolean color, boolean help) {

    private static final Set<String> VALUED = Set.of("ontap", "username", "truststore", "truststore-type", "clusters",
            "sessions", "poll-seconds", "snapshot");
    private static final Set<String> FLAGS = Set.of("no-verify-hostname", "no-color", "help");
    /** Options that only make sense against a real cluster. */
    private static final List<String> REAL_CLUSTER_ONLY = List.of("username", "truststore", "truststore-type",
            "no-verify-hostname");
    private static final List<String> SIMULATOR_ONLY = List.of("clusters", "sessions");
    private static final Set<String> TRUSTSTORE_TYPES = Set.of("PEM", "PKCS12", "JKS");
    private static final Set<String> SNAPSHOT_MODES = Set.of("initial", "never");

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
        if (real && !given.containsKey("username")) {
            throw new IllegalArgumentException("--ontap needs --username");
        }
        Path truststore = given.containsKey("truststore") ? Path.of(given.get("truststore")).toAbsolutePath() : null;
        String truststoreType = given.containsKey("truststore-type")
                ? oneOf("truststore-type", given.get("truststore-type").toUpperCase(Locale.ROOT), TRUSTSTORE_TYPES)
                : truststore == null ? null : typeByExtension(truststore);
        if (truststore == null && truststoreType != null) {
            throw new IllegalArgumentException("--truststore-type goes with --truststore");
        }
        return new DemoOptions(urls, given.get("username"), truststore, truststoreType,
                !given.containsKey("no-verify-hostname"),
                positive(given, "clusters", 2), atLeastZero(given, "sessions", 12), positive(given, "poll-seconds", 2),
                oneOf("snapshot", given.getOrDefault("snapshot", "initial").toLowerCase(Locale.ROOT), SNAPSHOT_MODES),
                !given.containsKey("no-color"), given.containsKey("help"));
    }

    /** The text of {@code ./demo --help}. */
    static String usage() {
        try (InputStream in = DemoOptions.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String typeByExtension(Path truststore) {
        String name = truststore.getFileName().toString().toLowerCase(Locale.ROOT);
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
