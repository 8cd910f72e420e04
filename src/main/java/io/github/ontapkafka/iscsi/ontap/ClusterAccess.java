package io.github.ontapkafka.iscsi.ontap;

/**
 * How the connector reaches one cluster: its credentials and the TLS trust of the cluster's certificate. Handed down
 * from the connector's configuration as plain values, so that this package does not depend on Connect.
 *
 * @param trust                null for the JVM's default trust
 * @param hostnameVerification whether the certificate must name the host of the URL; the chain is verified always
 */
public record ClusterAccess(Login login, TrustSettings trust, boolean hostnameVerification) {
}
