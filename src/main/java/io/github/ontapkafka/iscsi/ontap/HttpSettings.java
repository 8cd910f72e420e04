package io.github.ontapkafka.iscsi.ontap;

import java.time.Duration;

/**
 * How the HTTP client reaches ONTAP: timeouts and TLS trust. Handed down from the connector's configuration as plain
 * values, so that this package does not depend on Connect.
 *
 * @param trust                null for the JVM's default trust
 * @param hostnameVerification whether the certificate must name the host of the URL; the chain is verified always
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, TrustSettings trust,
                           boolean hostnameVerification) {
}
