package io.github.ontapkafka.iscsi.state;

import io.github.ontapkafka.iscsi.model.IscsiSession;

/**
 * What the task remembers of a session: its digest, and its full content when it has seen it. After a restart only
 * the digest is known (offsets hold no more) until the first poll shows the session again.
 */
public record TrackedSession(long digest, IscsiSession session) {

    public static TrackedSession of(IscsiSession session) {
        return new TrackedSession(SessionDigest.of(session), session);
    }

    public boolean contentKnown() {
        return session != null;
    }
}
