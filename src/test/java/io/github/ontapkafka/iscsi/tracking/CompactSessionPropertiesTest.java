package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's compact form keeps all of it, and gives back every pool use it took. */
class CompactSessionPropertiesTest {

    @Property(tries = 500)
    void anySessionReadsBackAsItWasAndLeavesNothingInThePool(@ForAll("anySessions") IscsiSession session) {
        ValuePool pool = new ValuePool();

        byte[] content = CompactSession.encode(session, pool);

        assertThat(CompactSession.decode(session.key(), content, pool)).isEqualTo(session);
        PoolReferences.assertExact(pool, List.of(session));
        CompactSession.release(session.key(), content, pool);
        assertThat(pool.useCounts()).isEmpty();
    }

    /** Sessions of one cluster share most of their values: each use is counted, and given back in any order. */
    @Property(tries = 200)
    void sessionsSharingOnePoolReadBackAndGiveBackTheirUsesInAnyOrder(
            @ForAll("clusterSessions") List<IscsiSession> sessions, @ForAll Random releaseOrder) {
        ValuePool pool = new ValuePool();
        List<byte[]> contents = new ArrayList<>();
        for (IscsiSession session : sessions) {
            contents.add(CompactSession.encode(session, pool));
        }
        PoolReferences.assertExact(pool, sessions);
        for (int i = 0; i < sessions.size(); i++) {
            assertThat(CompactSession.decode(sessions.get(i).key(), contents.get(i), pool)).isEqualTo(sessions.get(i));
        }

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, releaseOrder);
        List<IscsiSession> remaining = new ArrayList<>(sessions);
        for (int i : order) {
            CompactSession.release(sessions.get(i).key(), contents.get(i), pool);
            remaining.remove(sessions.get(i));
            PoolReferences.assertExact(pool, remaining);
        }
        assertThat(pool.useCounts()).isEmpty();
    }

    @Provide
    Arbitrary<IscsiSession> anySessions() {
        return SessionArbitraries.anySession();
    }

    @Provide
    Arbitrary<List<IscsiSession>> clusterSessions() {
        return SessionArbitraries.clusterSession().list().ofMaxSize(30);
    }
}
