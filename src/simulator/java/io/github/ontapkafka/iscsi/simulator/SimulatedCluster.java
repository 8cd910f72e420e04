package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An in-memory ONTAP cluster whose iSCSI sessions and event log (EMS) tests script from Java while clients poll it
 * over HTTP.
 *
 * <p>The cluster has two nodes unless told otherwise, {@code <name>-01} and {@code -02}. Each keeps its own event log, where every event
 * takes the node's next {@code index}: failed and refused iSCSI logins ({@link #logLoginRefused},
 * {@link #logLoginFailure}), missing and restored initiator logins, and the other subsystems' chatter
 * ({@link #logNoise}) that leaves gaps between the indexes of the events a client asks for. A node holds only its
 * newest {@link #setEmsRetention N} events, may drop repeats ({@link #setEmsSuppression}), and its release may lack
 * a message ({@link #removeFromCatalogue}). Every {@code log...} method returns the event as a client reads it, or
 * null when duplicate suppression dropped it.
 *
 * <p>All methods are thread-safe. Each read ({@link #sessions()}, one served page) is an atomic snapshot, so a
 * page never mixes the states before and after one mutation; across pages a client sees whatever the cluster holds
 * when it asks, exactly as with ONTAP's key-cursor pagination.
 */
public final class SimulatedCluster {

    /** The release a cluster runs unless told otherwise. */
    public static final String DEFAULT_VERSION = "NetApp Release 9.15.1: Wed Jun 12 14:22:51 UTC 2024";
    /** How many nodes a cluster has unless told otherwise. */
    public static final int DEFAULT_NODES = 2;

    private final String name;
    private final String uuid;
    private final OntapVersion version;
    private final TreeMap<SessionKey, IscsiSession> sessions = new TreeMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final FaultPlan faults = new FaultPlan();
    private final RequestStats stats = new RequestStats();
    private final EventLog eventLog;
    private volatile int pageCap = Integer.MAX_VALUE;
    private volatile boolean privilegeDenied;
    private volatile boolean unknownFieldReported;
    private volatile boolean initiatorCommentReported = true;
    private volatile boolean portsAsStrings;

    /** A cluster of {@value #DEFAULT_NODES} nodes. */
    public SimulatedCluster(String name, String uuid, String version) {
        this(name, uuid, version, DEFAULT_NODES);
    }

    /** @param nodes how many nodes the cluster has, named {@code <name>-01}, {@code -02}... */
    public SimulatedCluster(String name, String uuid, String version, int nodes) {
        this.name = Objects.requireNonNull(name, "name");
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.version = OntapVersion.parse(version);
        this.eventLog = new EventLog(name, uuid, nodes);
    }

    /** A cluster running {@link #DEFAULT_VERSION} whose UUID derives from its name, so reruns see the same one. */
    public static SimulatedCluster named(String name) {
        String uuid = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        return new SimulatedCluster(name, uuid, DEFAULT_VERSION);
    }

    public String name() {
        return name;
    }

    public String uuid() {
        return uuid;
    }

    public OntapVersion version() {
        return version;
    }

    /** An initiator logs in. ONTAP never holds two sessions under one key, so a taken key is a scripting error. */
    public void login(IscsiSession session) {
        write(() -> {
            IscsiSession previous = sessions.putIfAbsent(session.key(), session);
            if (previous != null) {
                throw new IllegalStateException("Session " + session.key() + " is already logged in");
            }
            return null;
        });
    }

    /** Ends a session; false when no session has that key. */
    public boolean logout(SessionKey key) {
        return write(() -> sessions.remove(key) != null);
    }

    /** Adds a TCP connection to a session; false when no session has that key. */
    public boolean addConnection(SessionKey key, Connection connection) {
        return write(() -> {
            IscsiSession session = sessions.get(key);
            if (session == null) {
                return false;
            }
            if (session.connections().stream().anyMatch(existing -> existing.cid() == connection.cid())) {
                throw new IllegalStateException("Session " + key + " already has a connection with cid " + connection.cid());
            }
            List<Connection> connections = new ArrayList<>(session.connections());
            connections.add(connection);
            sessions.put(key, withConnections(session, connections));
            return true;
        });
    }

    /**
     * Drops one TCP connection; false when there is no such session or connection. As in iSCSI, a session whose last
     * connection drops ends.
     */
    public boolean dropConnection(SessionKey key, int cid) {
        return write(() -> {
            IscsiSession session = sessions.get(key);
            if (session == null) {
                return false;
            }
            List<Connection> remaining = session.connections().stream().filter(c -> c.cid() != cid).toList();
            if (remaining.size() == session.connections().size()) {
                return false;
            }
            if (remaining.isEmpty()) {
                sessions.remove(key);
            } else {
                sessions.put(key, withConnections(session, remaining));
            }
            return true;
        });
    }

    /** Stores a session as given, whether or not its key was logged in. */
    public void replace(IscsiSession session) {
        write(() -> sessions.put(session.key(), session));
    }

    public Optional<IscsiSession> session(SessionKey key) {
        return read(() -> Optional.ofNullable(sessions.get(key)));
    }

    /** Every session, ordered by key. */
    public List<IscsiSession> sessions() {
        return read(() -> List.copyOf(sessions.values()));
    }

    public int size() {
        return read(sessions::size);
    }

    public void clear() {
        write(() -> {
            sessions.clear();
            return null;
        });
    }

    /**
     * Up to {@code limit} sessions that pass {@code filter}, strictly after {@code cursor} (from the first when null),
     * ordered by key.
     */
    List<IscsiSession> sessionsAfter(SessionKey cursor, Predicate<IscsiSession> filter, int limit) {
        return read(() -> {
            var tail = cursor == null ? sessions.values() : sessions.tailMap(cursor, false).values();
            return tail.stream().filter(filter).limit(limit).toList();
        });
    }

    /** The cluster's nodes, in order of their names; their UUIDs derive from the cluster's. */
    public List<SimulatedNode> nodes() {
        return eventLog.nodes();
    }

    /**
     * {@code iscsi.loginIpNotAuthorized}: the node refused an initiator's login from an IP address its iSCSI security
     * settings do not allow.
     *
     * @throws IllegalStateException when this cluster's release lacks the message ({@link #removeFromCatalogue})
     */
    public EmsEvent logLoginRefused(SimulatedNode node, String initiatorName, String svmName, String lifName,
                                    String initiatorAddress) {
        return eventLog.log(node, EmsCatalogue.LOGIN_REFUSED, EmsMessage.parameters("initiator_name", initiatorName,
                "vserver", svmName, "lif", lifName, "initiator_ip_address", initiatorAddress));
    }

    /**
     * {@code iscsi.loginFailure}: an initiator failed to log in; ONTAP says why only in free text.
     *
     * @throws IllegalStateException when this cluster's release lacks the message
     */
    public EmsEvent logLoginFailure(SimulatedNode node, String text) {
        return eventLog.log(node, EmsCatalogue.LOGIN_FAILURE, EmsMessage.parameters("m", text));
    }

    /**
     * {@code san.initiator.login.missing}: an initiator of an igroup is logged in to no LIF of this node, so a
     * failover would cut its LUNs off.
     *
     * @throws IllegalStateException when this cluster's release lacks the message
     */
    public EmsEvent logInitiatorLoginMissing(SimulatedNode node, String initiator, String svmName, String portset,
                                             String svmUuid) {
        return eventLog.log(node, EmsCatalogue.INITIATOR_LOGIN_MISSING,
                initiatorParameters(initiator, svmName, portset, svmUuid));
    }

    /**
     * {@code san.initiator.login}: an initiator reported missing has logged in again.
     *
     * @throws IllegalStateException when this cluster's release lacks the message
     */
    public EmsEvent logInitiatorLoginRestored(SimulatedNode node, String initiator, String svmName, String portset,
                                              String svmUuid) {
        return eventLog.log(node, EmsCatalogue.INITIATOR_LOGIN_RESTORED,
                initiatorParameters(initiator, svmName, portset, svmUuid));
    }

    /**
     * {@code count} events of other subsystems ({@link EmsNoise}), which take indexes between the events clients look
     * for.
     *
     * @return the events logged, without those suppression dropped
     */
    public List<EmsEvent> logNoise(SimulatedNode node, int count) {
        List<EmsEvent> logged = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EmsEvent event = eventLog.logNoise(node);
            if (event != null) {
                logged.add(event);
            }
        }
        return logged;
    }

    /**
     * Logs any message with {@code severity} ({@code notice}, {@code error}, ...). A name this cluster's catalogue
     * lacks, such as {@code iscsi.login.newThing}, joins it, as a newer release knows the messages it logs; its log
     * message then lists the parameters' values.
     */
    public EmsEvent logEvent(SimulatedNode node, String messageName, String severity, EmsParameter... parameters) {
        return eventLog.logAny(node, messageName, severity, Arrays.asList(parameters));
    }

    /** Every event the nodes hold, node by node, oldest first. */
    public List<EmsEvent> emsEvents() {
        return eventLog.events();
    }

    /** How many events each node holds at most; {@value EventLog#DEFAULT_RETENTION} unless told otherwise. */
    public int emsRetention() {
        return eventLog.retention();
    }

    /** Takes effect at once: a node holding more drops its oldest events, and a client behind them sees a gap. */
    public void setEmsRetention(int eventsPerNode) {
        eventLog.setRetention(eventsPerNode);
    }

    /** The duplicate suppression window; zero (none) unless told otherwise, so that tests see every event. */
    public Duration emsSuppression() {
        return eventLog.suppression();
    }

    /**
     * Drops a repeat of a message with the same parameters on the same node for {@code window} after the one that
     * got a record: the repeat gets no record and no index, as with EMS duplicate suppression. Zero turns it off.
     */
    public void setEmsSuppression(Duration window) {
        eventLog.setSuppression(window);
    }

    /** Whether this cluster's release knows the EMS message. */
    public boolean hasEmsMessage(String messageName) {
        return eventLog.catalogue().contains(messageName);
    }

    /**
     * Makes this cluster's release lack an EMS message: querying its exact name fails with 400, as ONTAP does, while
     * a wildcard matching it does not.
     *
     * @return whether the catalogue had it
     */
    public boolean removeFromCatalogue(String messageName) {
        return eventLog.catalogue().remove(messageName);
    }

    /** The clock events are stamped with, and whose zone their times are written in; UTC's system clock by default. */
    public void setClock(Clock clock) {
        eventLog.setClock(Objects.requireNonNull(clock, "clock"));
    }

    Clock clock() {
        return eventLog.clock();
    }

    /** The most records one page holds, whatever {@code max_records} asks for; unlimited by default. */
    public int pageCap() {
        return pageCap;
    }

    public void setPageCap(int pageCap) {
        if (pageCap < 1) {
            throw new IllegalArgumentException("pageCap must be positive: " + pageCap);
        }
        this.pageCap = pageCap;
    }

    /** Whether the authenticated user's role lacks the privilege to read anything (403). */
    public boolean isPrivilegeDenied() {
        return privilegeDenied;
    }

    public void setPrivilegeDenied(boolean privilegeDenied) {
        this.privilegeDenied = privilegeDenied;
    }

    /** Whether session records carry a field no client knows, as a newer release might add. */
    public boolean isUnknownFieldReported() {
        return unknownFieldReported;
    }

    public void setUnknownFieldReported(boolean unknownFieldReported) {
        this.unknownFieldReported = unknownFieldReported;
    }

    /** Whether session records carry {@code initiator.comment}, which older releases lack. */
    public boolean isInitiatorCommentReported() {
        return initiatorCommentReported;
    }

    public void setInitiatorCommentReported(boolean initiatorCommentReported) {
        this.initiatorCommentReported = initiatorCommentReported;
    }

    /** Whether connection ports are written as JSON strings, as the ONTAP 9.9.1 REST reference prints them. */
    public boolean isPortsAsStrings() {
        return portsAsStrings;
    }

    public void setPortsAsStrings(boolean portsAsStrings) {
        this.portsAsStrings = portsAsStrings;
    }

    public FaultPlan faults() {
        return faults;
    }

    public RequestStats stats() {
        return stats;
    }

    @Override
    public String toString() {
        return "SimulatedCluster[" + name + ", " + uuid + "]";
    }

    private static List<EmsParameter> initiatorParameters(String initiator, String svmName, String portset,
                                                          String svmUuid) {
        return EmsMessage.parameters("initiator", initiator, "vserver", svmName, "portset", portset,
                "vserver_uuid", svmUuid);
    }

    private static IscsiSession withConnections(IscsiSession session, List<Connection> connections) {
        return new IscsiSession(session.svm(), session.targetPortalGroup(), session.targetPortalGroupTag(),
                session.tsih(), session.isid(), session.initiator(), session.igroups(), connections);
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
