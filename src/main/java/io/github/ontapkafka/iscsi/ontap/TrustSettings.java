package io.github.ontapkafka.iscsi.ontap;

import java.nio.file.Path;

/**
 * Where the certificates that ONTAP's server certificate must chain to come from, when not the JVM's default.
 *
 * @param type     PKCS12, JKS or PEM (a file of X.509 certificates)
 * @param password the store's password; null when it has none (always for PEM)
 */
public record TrustSettings(Path location, String type, Secret password) {
}
