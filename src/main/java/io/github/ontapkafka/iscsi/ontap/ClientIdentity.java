package io.github.ontapkafka.iscsi.ontap;

import java.nio.file.Path;

/**
 * The client certificate and private key a cluster authenticates the connector by, instead of a password.
 *
 * @param location    a PKCS12 or JKS key store, or a PEM file with the certificate chain (and the key, unless
 *                    {@code keyLocation} names another file)
 * @param type        PKCS12, JKS or PEM
 * @param password    the store's password; null when it has none (PEM)
 * @param keyPassword the key's own password, when it differs from the store's; for PEM, the password of an encrypted
 *                    PKCS#8 key
 * @param keyLocation PEM only: the file with the PKCS#8 key, when it is not in {@code location}; otherwise null
 */
public record ClientIdentity(Path location, String type, Secret password, Secret keyPassword, Path keyLocation) {
}
