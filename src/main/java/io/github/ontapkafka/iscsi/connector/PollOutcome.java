package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.ontap.SessionListing;

import java.time.Instant;

/** What one fetch of a cluster brought back: a complete set of sessions, or the reason there is none. */
record PollOutcome(ClusterPoller poller, Instant startedAt, Instant observedAt, ClusterIdentity identity,
                   SessionListing sessions, PollFailure failure) {

    static PollOutcome success(ClusterPoller poller, Instant startedAt, Instant observedAt, ClusterIdentity identity,
                               SessionListing sessions) {
        return new PollOutcome(poller, startedAt, observedAt, identity, sessions, null);
    }

    static PollOutcome failure(ClusterPoller poller, Instant startedAt, PollFailure failure) {
        return new PollOutcome(poller, startedAt, null, null, null, failure);
    }
}
