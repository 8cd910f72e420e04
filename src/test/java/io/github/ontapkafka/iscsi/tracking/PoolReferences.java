package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uses a {@link ValuePool} has to count, worked out from its users: one per non-null value a session's compact
 * content refers to (the fields {@link CompactSession} pools), and one per string of a tracked session's key. A count
 * above that is a use never given back, and the value would stay in the pool for good.
 */
final class PoolReferences {

    private final Map<Object, Integer> uses = new HashMap<>();

    private PoolReferences() {
    }

    /** Checks that the table's pool holds exactly what its tracked sessions refer to, each counted once per use. */
    static void assertExact(SessionTable table) {
        PoolReferences references = new PoolReferences();
        for (TrackedSession session : table.all()) {
            references.count(session.key().svmUuid()).count(session.key().targetPortalGroup());
            if (session.contentKnown()) {
                references.countContent(table.content(session));
            }
        }
        assertThat(table.pool().useCounts()).as("pool uses vs. references of the tracked sessions")
                .isEqualTo(references.uses);
    }

    /** Checks that {@code pool} holds exactly what the compact content of {@code encoded} refers to. */
    static void assertExact(ValuePool pool, Collection<IscsiSession> encoded) {
        PoolReferences references = new PoolReferences();
        encoded.forEach(references::countContent);
        assertThat(pool.useCounts()).as("pool uses vs. references of the encoded sessions")
                .isEqualTo(references.uses);
    }

    private void countContent(IscsiSession session) {
        count(session.svm().name()).count(session.initiator()).count(session.igroups());
        for (Connection connection : session.connectionsOrEmpty()) {
            IpEndpoint address = connection.initiatorAddress();
            count(connection.authenticationType())
                    .count(address == null ? null : new IpEndpoint(address.address(), null))
                    .count(connection.networkInterface());
        }
    }

    private PoolReferences count(Object value) {
        if (value != null) {
            uses.merge(value, 1, Integer::sum);
        }
        return this;
    }
}
