package io.github.ontapkafka.iscsi.ontap;

import okhttp3.HttpUrl;

import java.util.Objects;

/**
 * A cluster management base URL from {@code ontap.clusters}, checked once so that the rest of the code can rely on
 * it: http or https, no credentials, query or fragment. Its string form is what logs and errors name the cluster by.
 */
public final class ClusterUrl {

    private final HttpUrl url;
    private final String display;

    private ClusterUrl(HttpUrl url) {
        this.url = url;
        String text = url.toString();
        this.display = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Parses one configured URL, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static ClusterUrl parse(String raw) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty cluster URL");
        }
        if (!value.regionMatches(true, 0, "http://", 0, 7) && !value.regionMatches(true, 0, "https://", 0, 8)) {
            throw new IllegalArgumentException("'" + masked(value) + "' is not an http:// or https:// URL");
        }
        HttpUrl url = HttpUrl.parse(value);
        if (url == null) {
            throw new IllegalArgumentException("'" + masked(value) + "' is not a valid URL");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            // Never echo the value: it holds a secret.
            throw new IllegalArgumentException("a cluster URL must not carry credentials; use ontap.username and ontap.password");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("'" + value + "' must be a base URL without query or fragment");
        }
        return new ClusterUrl(url);
    }

    /**
     * The value as an error may show it: anything before an {@code @} in its authority (user and password) masked,
     * since the value is echoed before it is known to be a URL that carries no credentials.
     */
    private static String masked(String value) {
        int scheme = value.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = start;
        while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0) {
            end++;
        }
        int at = value.lastIndexOf('@', end - 1);
        return at < start ? value : value.substring(0, start) + "***" + value.substring(at);
    }

    public boolean isPlainHttp() {
        return !url.isHttps();
    }

    /**
     * Resolves a path that ONTAP gives relative to the cluster ({@code /api/...?...}) against this base, keeping any
     * path prefix of the base (a proxy or a simulator may mount the cluster below {@code /}).
     */
    public HttpUrl resolve(String clusterRelativePathAndQuery) {
        HttpUrl resolved = HttpUrl.parse(display + clusterRelativePathAndQuery);
        if (resolved == null) {
            throw new IllegalArgumentException("cannot resolve '" + clusterRelativePathAndQuery + "' against " + display);
        }
        return resolved;
    }

    /** Whether {@code other} points at this cluster's scheme, host and port (where credentials may be sent). */
    public boolean sameOrigin(HttpUrl other) {
        return other.scheme().equals(url.scheme()) && other.host().equals(url.host()) && other.port() == url.port();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterUrl other && display.equals(other.display);
    }

    @Override
    public int hashCode() {
        return Objects.hash(display);
    }

    @Override
    public String toString() {
        return display;
    }
}
