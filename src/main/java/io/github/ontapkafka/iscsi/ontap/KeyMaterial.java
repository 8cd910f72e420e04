package io.github.ontapkafka.iscsi.ontap;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads truststores and client identities from PKCS12, JKS or PEM files. Every failure is an
 * {@link UnusableKeyMaterialException} that names the file and says what is wrong with it, never a password.
 */
final class KeyMaterial {

    /** A client identity as TLS uses it, with the certificate an administrator recognises it by. */
    record LoadedIdentity(KeyManager[] keyManagers, X509Certificate certificate) {
    }

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "DSA"};

    private KeyMaterial() {
    }

    static X509TrustManager trustManager(TrustSettings settings, UnusableKeyMaterialException.Store role) {
        try {
            X509TrustManager trust = x509TrustOf(trustStore(settings));
            if (trust == null) {
                throw new UnusableKeyMaterialException(role, "truststore " + settings.location()
                        + " holds no X.509 trust", null);
            }
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new UnusableKeyMaterialException(role, "truststore " + settings.location() + " cannot be read as "
                    + settings.type() + ": " + e.getMessage(), e);
        }
    }

    /** The JVM's default trust, for a client certificate without a truststore of its own. */
    static X509TrustManager defaultTrust() {
        try {
            X509TrustManager trust = x509TrustOf(null);
            if (trust == null) {
                throw new IllegalStateException("the JVM has no default X.509 trust");
            }
            return trust;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's default trust is not available", e);
        }
    }

    /** The X.509 trust manager of {@code store} (null: the JVM's default store), or null when it has none. */
    private static X509TrustManager x509TrustOf(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        return null;
    }

    static LoadedIdentity identity(ClientIdentity identity) {
        try {
            char[] keyPassword = keyPassword(identity);
            KeyStore store = identity.type().equals("PEM") ? pemIdentity(identity, keyPassword) : keyStore(identity);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, keyPassword);
            String alias = keyAlias(store);
            X509KeyManager keys = (X509KeyManager) factory.getKeyManagers()[0];
            return new LoadedIdentity(new KeyManager[]{new OneIdentityKeyManager(keys, alias)},
                    (X509Certificate) store.getCertificate(alias));
        } catch (IOException | GeneralSecurityException e) {
            throw new UnusableKeyMaterialException(UnusableKeyMaterialException.Store.KEYSTORE, "keystore "
                    + identity.location() + " cannot be read as "
                    + identity.type() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(TrustSettings settings) throws IOException, GeneralSecurityException {
        if (!settings.type().equals("PEM")) {
            return load(settings.location(), settings.type(), settings.password());
        }
        KeyStore store = emptyStore();
        int index = 0;
        for (Certificate certificate : certificates(settings.location())) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        return store;
    }

    private static KeyStore keyStore(ClientIdentity identity) throws IOException, GeneralSecurityException {
        KeyStore store = load(identity.location(), identity.type(), identity.password());
        List<String> keyAliases = new ArrayList<>();
        for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() != 1) {
            throw new GeneralSecurityException("expected exactly one private key entry, found " + keyAliases.size());
        }
        return store;
    }

    private static KeyStore pemIdentity(ClientIdentity identity, char[] keyPassword)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = certificates(identity.location());
        Path keyFile = identity.keyLocation() == null ? identity.location() : identity.keyLocation();
        PrivateKey key = privateKey(Files.readString(keyFile, StandardCharsets.US_ASCII), identity.keyPassword(),
                keyFile);
        KeyStore store = emptyStore();
        store.setKeyEntry("client", key, keyPassword, chain.toArray(new Certificate[0]));
        return store;
    }

    /** A PKCS#8 key, plain ({@code PRIVATE KEY}) or encrypted ({@code ENCRYPTED PRIVATE KEY}). */
    private static PrivateKey privateKey(String pem, Secret password, Path file)
            throws IOException, GeneralSecurityException {
        Matcher block = PEM_BLOCK.matcher(pem);
        while (block.find()) {
            String kind = block.group(1);
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (kind) {
                case "PRIVATE KEY" -> {
                    return generate(new PKCS8EncodedKeySpec(der));
                }
                case "ENCRYPTED PRIVATE KEY" -> {
                    if (password == null) {
                        throw new GeneralSecurityException("the key in " + file + " is encrypted: set the key "
                                + "password (ssl.key.password)");
                    }
                    return generate(decrypt(new EncryptedPrivateKeyInfo(der), password));
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new GeneralSecurityException("the key in " + file
                        + " is in the legacy " + kind + " format; convert it to PKCS#8 with "
                        + "'openssl pkcs8 -topk8 -in KEY -out KEY.pk8' (add -nocrypt for no password)");
                default -> {
                    // certificates and other blocks next to the key
                }
            }
        }
        throw new GeneralSecurityException("no PKCS#8 private key (BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY) "
                + "in " + file);
    }

    private static PKCS8EncodedKeySpec decrypt(EncryptedPrivateKeyInfo info, Secret password)
            throws GeneralSecurityException {
        AlgorithmParameters parameters = info.getAlgParameters();
        // PBES2 keys (OpenSSL's default) name their real algorithm in the parameters, not in the algorithm id.
        String algorithm = info.getAlgName().equals("PBES2") || info.getAlgName().startsWith("1.")
                ? parameters.toString() : info.getAlgName();
        SecretKey key = SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new PBEKeySpec(password.value().toCharArray()));
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, key, parameters);
        try {
            return info.getKeySpec(cipher);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("the key cannot be decrypted: wrong key password?", e);
        }
    }

    private static PrivateKey generate(PKCS8EncodedKeySpec spec) throws GeneralSecurityException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next
            }
        }
        throw new GeneralSecurityException("the private key is none of " + String.join(", ", KEY_ALGORITHMS));
    }

    private static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        byte[] text = Files.readAllBytes(file);
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_BLOCK.matcher(new String(text, StandardCharsets.US_ASCII));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        while (block.find()) {
            if (block.group(1).equals("CERTIFICATE")) {
                Collection<? extends Certificate> read = factory.generateCertificates(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(block.group(2))));
                read.forEach(certificate -> certificates.add((X509Certificate) certificate));
            }
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate (BEGIN CERTIFICATE) in " + file);
        }
        return certificates;
    }

    private static String keyAlias(KeyStore store) throws GeneralSecurityException {
        for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate) {
                return alias;
            }
        }
        throw new GeneralSecurityException("no X.509 certificate with a private key");
    }

    private static char[] keyPassword(ClientIdentity identity) {
        Secret password = identity.keyPassword() != null ? identity.keyPassword() : identity.password();
        return password == null ? new char[0] : password.value().toCharArray();
    }

    private static KeyStore load(Path location, String type, Secret password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(location)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.value().toCharArray());
            return store;
        }
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        return store;
    }
}
