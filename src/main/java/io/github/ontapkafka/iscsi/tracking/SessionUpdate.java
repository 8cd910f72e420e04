package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.ontap.LiveSessions;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

/**
 * What a poll changes in a {@link SessionTable}: the session now under {@code key}, or none ({@code session} null)
 * after a logout.
 *
 * @param fingerprint the fingerprint of the record the session came in
 */
public record SessionUpdate(SessionKey key, IscsiSession session, long digest, long fingerprint) {

    public static SessionUpdate removal(SessionKey key) {
        return new SessionUpdate(key, null, SessionDigest.NONE, LiveSessions.NO_FINGERPRINT);
    }
}
