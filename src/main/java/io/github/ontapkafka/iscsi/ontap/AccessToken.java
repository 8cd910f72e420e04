package io.github.ontapkafka.iscsi.ontap;

import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token and when to fetch the next one: after four fifths of its lifetime, so that a token is never sent in
 * its last moments. A token issued without a lifetime is used until a cluster rejects it.
 */
record AccessToken(String value, Instant renewAt) {

    static AccessToken issued(String value, Instant at, Duration lifetime) {
        return new AccessToken(value, lifetime == null ? null : at.plus(lifetime.multipliedBy(4).dividedBy(5)));
    }

    boolean due(Instant now) {
        return renewAt != null && !now.isBefore(renewAt);
    }

    @Override
    public String toString() {
        return "AccessToken[renewAt=" + renewAt + "]";
    }
}
