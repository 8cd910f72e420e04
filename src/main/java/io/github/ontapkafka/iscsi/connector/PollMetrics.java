package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.tracking.SessionChange;

import java.time.Duration;
import java.util.List;

/** What a cluster's polls record in its metrics; nothing on a worker without plugin metrics. */
interface PollMetrics {

    PollMetrics NONE = new PollMetrics() {
        @Override
        public void pollSucceeded(Duration took, List<SessionChange> changes) {
        }

        @Override
        public void pollFailed(Duration took) {
        }
    };

    void pollSucceeded(Duration took, List<SessionChange> changes);

    void pollFailed(Duration took);
}
