package io.github.ontapkafka.iscsi.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * One request to a cluster, its path relative to the cluster's base (e.g. {@code /api/cluster}).
 *
 * @param hal               whether the client accepts {@code application/hal+json}, and so gets every {@code _links}
 * @param authorization     the {@code Authorization} header, null when absent
 * @param clientCertificate the client's certificate, verified during the TLS handshake; null when none was
 */
record ApiRequest(String method, String rawPath, QueryParameters query, boolean hal, String authorization,
                  X509Certificate clientCertificate) {

    /** The decoded path segments, without empty ones. */
    List<String> segments() {
        return Arrays.stream(rawPath.split("/"))
                .filter(segment -> !segment.isEmpty())
                // In a path '+' is a plus sign, not a space.
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    /** ONTAP labels its JSON as HAL only for clients that asked for HAL. */
    String replyContentType() {
        return hal ? Reply.HAL_JSON : Reply.JSON;
    }

    boolean isGet() {
        return "GET".equals(method);
    }
}
