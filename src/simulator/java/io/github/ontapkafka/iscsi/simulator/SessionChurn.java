package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.WeakHashMap;
import java.util.function.Predicate;

/**
 * A realistic, seeded workload for a {@link SimulatedCluster}: logins, logouts, connections coming and going, and
 * TSIHs reused by another initiator right after a logout; with each operation, now and then an EMS event of another
 * subsystem and, rarely, a refused login ({@link EmsChatter}).
 *
 * <p>Deterministic: the same seed applied to clusters in the same state leaves them in the same state, provided
 * nothing else changes them meanwhile. Thread-safe (calls are serialized).
 */
public final class SessionChurn {

    /**
     * Shares of the operations in a round, cumulative: login or logout, add connection, drop connection, TSIH reuse.
     * Logins and logouts share theirs evenly while the cluster holds its baseline population, and lean towards
     * restoring it otherwise, so that a long run neither empties nor floods the cluster.
     */
    private static final double LOGIN_OR_LOGOUT = 0.60;
    private static final double ADD_CONNECTION = 0.75;
    private static final double DROP_CONNECTION = 0.90;
    private static final int MAX_CONNECTIONS = 4;
    /** How often to look for a session fit for an operation before doing another one instead. */
    private static final int PICK_ATTEMPTS = 8;
    /** Mixed into the seed so that choosing operations does not replay the factory's random sequence. */
    private static final long OPERATION_STREAM = 0x5DEECE66DL;

    private final Random random;
    private final SessionFactory factory;
    private final TsihAllocator tsihs;
    private final EmsChatter chatter;
    /** The population each cluster's churn tends towards: what it was populated with, or held when churn began. */
    private final Map<SimulatedCluster, Integer> baselines = new WeakHashMap<>();

    public SessionChurn(long seed) {
        this.random = new Random(seed ^ OPERATION_STREAM);
        this.factory = new SessionFactory(seed);
        this.tsihs = new TsihAllocator(random);
        this.chatter = new EmsChatter(seed);
    }

    /** Logs in {@code count} new sessions, e.g. to give a cluster its starting population. */
    public synchronized void populate(SimulatedCluster cluster, int count) {
        baselines.merge(cluster, count, Integer::sum);
        for (int i = 0; i < count; i++) {
            login(cluster);
        }
    }

    /** Logs in one new session through a random portal, under a TSIH allocated as ONTAP would. */
    public synchronized IscsiSession login(SimulatedCluster cluster) {
        TargetPortal portal = factory.randomPortal();
        int tsih = tsihs.allocate(portal, key -> cluster.session(key).isPresent());
        IscsiSession session = factory.session(portal, tsih);
        cluster.login(session);
        return session;
    }

    /** Logs a session out, remembering its TSIH for reuse; false when there is no such session. */
    public synchronized boolean logout(SimulatedCluster cluster, SessionKey key) {
        boolean loggedOut = cluster.logout(key);
        if (loggedOut) {
            tsihs.release(key);
        }
        return loggedOut;
    }

    /** Adds one more connection to a session; empty when there is no such session. */
    public synchronized Optional<Connection> addConnection(SimulatedCluster cluster, SessionKey key) {
        Optional<IscsiSession> session = cluster.session(key);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Connection connection = factory.nextConnection(session.get());
        return cluster.addConnection(key, connection) ? Optional.of(connection) : Optional.empty();
    }

    /** Applies about {@code rate} × the cluster's session count operations (at least one). */
    public synchronized ChurnSummary step(SimulatedCluster cluster, double rate) {
        if (rate < 0) {
            throw new IllegalArgumentException("Negative churn rate: " + rate);
        }
        return apply(cluster, (int) Math.max(1, Math.round(cluster.size() * rate)));
    }

    /** Applies {@code operations} random operations, with the event log chatter that comes with them. */
    public synchronized ChurnSummary apply(SimulatedCluster cluster, int operations) {
        List<SessionKey> live = new ArrayList<>(cluster.size() + operations);
        cluster.sessions().forEach(session -> live.add(session.key()));
        Tally tally = new Tally();
        int baseline = baselines.computeIfAbsent(cluster, SimulatedCluster::size);
        for (int i = 0; i < operations; i++) {
            double roll = random.nextDouble();
            double loginShare = Math.min(0.9, Math.max(0.1, 0.5 * baseline / Math.max(1, live.size())));
            Optional<Pick> any = roll < LOGIN_OR_LOGOUT * loginShare ? Optional.empty()
                    : pick(cluster, live, session -> true);
            if (any.isEmpty()) {
                live.add(login(cluster).key());
                tally.logins++;
            } else if (roll < LOGIN_OR_LOGOUT) {
                logout(cluster, any.get().session().key());
                removeAt(live, any.get().index());
                tally.logouts++;
            } else if (roll < DROP_CONNECTION) {
                boolean add = roll < ADD_CONNECTION;
                Predicate<IscsiSession> fit = add ? session -> session.connections().size() < MAX_CONNECTIONS
                        : session -> session.connections().size() > 1;
                IscsiSession target = pick(cluster, live, fit).orElse(any.get()).session();
                changeConnections(cluster, target, add, tally);
            } else {
                IscsiSession previous = any.get().session();
                cluster.logout(previous.key());
                cluster.login(factory.sessionReplacing(previous));
                tally.tsihReuses++;
            }
            chatter.afterOperation(cluster, live);
        }
        return tally.summary();
    }

    /** Adds or drops a connection as asked, unless the session has no room or only its last connection left. */
    private void changeConnections(SimulatedCluster cluster, IscsiSession session, boolean add, Tally tally) {
        List<Connection> connections = session.connections();
        if (add ? connections.size() < MAX_CONNECTIONS : connections.size() <= 1) {
            cluster.addConnection(session.key(), factory.nextConnection(session));
            tally.connectionsAdded++;
        } else {
            cluster.dropConnection(session.key(), connections.get(random.nextInt(connections.size())).cid());
            tally.connectionsDropped++;
        }
    }

    /**
     * A random live session that {@code wanted} accepts, after a few tries; keys that something else logged out
     * meanwhile leave the list (only an undisturbed cluster replays deterministically).
     */
    private Optional<Pick> pick(SimulatedCluster cluster, List<SessionKey> live, Predicate<IscsiSession> wanted) {
        for (int attempt = 0; attempt < PICK_ATTEMPTS && !live.isEmpty(); attempt++) {
            int index = random.nextInt(live.size());
            Optional<IscsiSession> session = cluster.session(live.get(index));
            if (session.isEmpty()) {
                removeAt(live, index);
            } else if (wanted.test(session.get())) {
                return Optional.of(new Pick(index, session.get()));
            }
        }
        return Optional.empty();
    }

    /** Order does not matter in the list of live keys, so removal swaps in the last one instead of shifting. */
    private static void removeAt(List<SessionKey> keys, int index) {
        SessionKey last = keys.remove(keys.size() - 1);
        if (index < keys.size()) {
            keys.set(index, last);
        }
    }

    private record Pick(int index, IscsiSession session) {
    }

    private static final class Tally {
        int logins;
        int logouts;
        int connectionsAdded;
        int connectionsDropped;
        int tsihReuses;

        ChurnSummary summary() {
            return new ChurnSummary(logins, logouts, connectionsAdded, connectionsDropped, tsihReuses);
        }
    }
}
