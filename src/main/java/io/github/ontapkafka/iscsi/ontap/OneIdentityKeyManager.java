package io.github.ontapkafka.iscsi.ontap;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * Presents the one configured client certificate whatever CAs the cluster says it trusts, as curl and OpenSSL do.
 * The JDK's own choice would send no certificate when its issuer is not listed, and the cluster would then answer an
 * anonymous request with 401: the refusal of the certificate itself, in the handshake, says more.
 */
final class OneIdentityKeyManager extends X509ExtendedKeyManager {

    private final X509KeyManager keys;
    private final String alias;

    OneIdentityKeyManager(X509KeyManager keys, String alias) {
        this.keys = keys;
        this.alias = alias;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[]{alias};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return alias;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return keys.getPrivateKey(alias);
    }
}
