package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.List;

/**
 * One change between two polls of a cluster.
 *
 * @param session            the state after the change; for {@code LOGOUT} the last state seen (key fields only if
 *                           the task never saw the session's content, as after a restart)
 * @param digestBefore       the session's digest before the change, {@code SessionDigest.NONE} if it was absent
 * @param digestAfter        the digest after the change, {@code SessionDigest.NONE} after a logout
 * @param connectionsAdded   for {@code CONNECTION_CHANGE}: connections that are new or changed; null for other
 *                           types, and when the previous connections are unknown (only their digest survived a
 *                           restart)
 * @param connectionsRemoved for {@code CONNECTION_CHANGE}: connections that are gone or changed; null as above
 * @param firstSeen          when the session was first seen logged in (for {@code LOGOUT}: the session that ended),
 *                           null if unknown
 */
public record SessionChange(ChangeType type, SessionKey key, IscsiSession session, long digestBefore, long digestAfter,
                            List<Connection> connectionsAdded, List<Connection> connectionsRemoved,
                            FirstSeen firstSeen) {
}
