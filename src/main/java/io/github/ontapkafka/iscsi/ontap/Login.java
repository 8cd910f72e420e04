package io.github.ontapkafka.iscsi.ontap;

/** The credentials a cluster is read with: one of the authentication methods ONTAP's REST API accepts. */
public sealed interface Login {

    /** HTTP Basic with an ONTAP account ({@code -authentication-method password}). */
    record Password(String username, Secret password) implements Login {
    }

    /** A TLS client certificate whose common name is an ONTAP account ({@code -authentication-method cert}). */
    record Certificate(ClientIdentity identity) implements Login {
    }

    /** A bearer token of the customer's identity provider, client-credentials grant (ONTAP 9.14 and later). */
    record OAuth2(OAuth2Settings client) implements Login {
    }
}
