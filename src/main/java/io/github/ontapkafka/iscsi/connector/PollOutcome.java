package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.ontap.SessionListing;

import java.time.Instant;

/** What one fetch of a cluster brought back: a complete set of sessions, or the reason there is none. */
/**
 * @param ems the cluster's EMS events after the poller's cursor; null when EMS is not read, or not yet (the first
 *            poll of a cluster learns its identity, and with it which stored cursor to read)
 */
record PollOutcome(ClusterPoller poller, Instant startedAt, Instant observedAt, ClusterIdentity identity,
                   SessionListing sessions, EmsReader.EmsRead ems, PollFailure failure) {

    static PollOutcome success(ClusterPoller poller, Instant startedAt, Instant observedAt, ClusterIdentity identity,
                               SessionListing sessions, EmsReader.EmsRead ems) {
        return new PollOutcome(poller, startedAt, observedAt, identity, sessions, ems, null);
    }

    static PollOutcome failure(ClusterPoller poller, Instant startedAt, PollFailure failure) {
        return new PollOutcome(poller, startedAt, null, null, null, null, failure);
    }
}
