package io.github.ontapkafka.iscsi.event;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The connector's version, written into a resource by the build. Here rather than in {@code connector} because the
 * transforms report it too, and they may use {@code event} only.
 */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/ontap-iscsi-connector.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
