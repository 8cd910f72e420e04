package io.github.ontapkafka.iscsi.ontap;

/**
 * An OAuth 2.0 client of the customer's identity provider, for the client-credentials grant (RFC 6749 §4.4).
 *
 * @param tokenEndpoint the token endpoint's URL
 * @param scope         null when not asked for
 * @param audience      null when not asked for (some providers, Auth0 among them, need it to issue a JWT)
 * @param trust         the truststore for the token endpoint's certificate; null for the JVM's default trust
 */
public record OAuth2Settings(String tokenEndpoint, String clientId, Secret clientSecret, String scope, String audience,
                             TrustSettings trust) {
}
