package io.github.ontapkafka.iscsi.demo;

/**
 * How the connector logs in to the clusters. Never printed: {@link #toString()} leaves the secrets out.
 *
 * @param truststorePassword the truststore's password; null where it has none
 */
record OntapLogin(String username, String password, String truststorePassword) {

    @Override
    public String toString() {
        return "OntapLogin[" + username + "]";
    }
}
