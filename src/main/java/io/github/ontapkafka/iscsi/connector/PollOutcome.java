package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.ontap.OntapException;

import java.time.Instant;
import java.util.Map;

/** What one fetch of a cluster brought back: a complete set of sessions, or the reason there is none. */
record PollOutcome(ClusterPoller poller, Instant startedAt, Instant observedAt, ClusterIdentity identity,
                   Map<SessionKey, IscsiSession> sessions, OntapException failure) {

    static PollOutcome success(ClusterPoller poller, Instant startedAt, Instant observedAt, ClusterIdentity identity,
                               Map<SessionKey, IscsiSession> sessions) {
        return new PollOutcome(poller, startedAt, observedAt, identity, sessions, null);
    }

    static PollOutcome failure(ClusterPoller poller, Instant startedAt, OntapException failure) {
        return new PollOutcome(poller, startedAt, null, null, null, failure);
    }
}
