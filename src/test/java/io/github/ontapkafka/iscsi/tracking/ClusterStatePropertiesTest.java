package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.fixtures.FingerprintedPoll;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.model.Svm;
import io.github.ontapkafka.iscsi.ontap.LiveSessions;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static io.github.ontapkafka.iscsi.tracking.SessionArbitraries.INITIATORS;
import static io.github.ontapkafka.iscsi.tracking.SessionArbitraries.ISIDS;
import static io.github.ontapkafka.iscsi.tracking.SessionArbitraries.SVM_A;
import static io.github.ontapkafka.iscsi.tracking.SessionArbitraries.SVM_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ClusterState}, and through it the diff, the session table with its indexes and pool, and the offsets,
 * against the plain {@link ClusterModel}, over random histories of one small cluster: logins, logouts, connections
 * added, dropped and changed, descriptive changes, TSIHs reused by another login, records repeated byte for byte or
 * serialised anew, a key listed twice, filters on the SVMs changed, and task restarts from the offset of any record
 * of a recent batch.
 */
class ClusterStatePropertiesTest {

    private static final Instant START = Instant.parse("2026-11-27T10:00:00.125Z");

    @Property(tries = 400)
    void reportsWhatThePlainModelReportsAcrossPollsRescopesAndRestarts(@ForAll SnapshotMode mode,
                                                                        @ForAll("histories") List<Step> history) {
        Run run = new Run(mode);
        history.forEach(step -> step.takeIn(run));
        Statistics.label("restart from").coverage(coverage -> {
            coverage.check("a rescope batch, before its last record").count(count -> count >= 20);
            coverage.check("a rescope batch, its last record").count(count -> count >= 20);
            coverage.check("a batch, before its first change").count(count -> count >= 20);
        });
    }

    /**
     * The model tells logins apart by ISID and initiator name, a restarted task by the 16 bits of the digest that
     * hash them: the histories' logins must not collide there, or the two would rightly differ.
     */
    @Example
    void theHistoriesLoginsAreToldApartByTheirDigestsToo() {
        Set<Long> identities = new HashSet<>();
        List<String> isids = new ArrayList<>(ISIDS);
        isids.add(null);
        List<String> names = new ArrayList<>(INITIATORS);
        names.add(null);
        for (String isid : isids) {
            for (String name : names) {
                IscsiSession login = new IscsiSession(new Svm(SVM_A, null), "tpg", null, 1, isid,
                        new Initiator(name, null, null), null, null);
                identities.add(SessionDigest.of(login) >>> (SessionDigest.BYTES * 8 - 16));
            }
        }
        assertThat(identities).hasSize(isids.size() * names.size());
    }

    /** Histories of up to 50 steps, of any length alike (jqwik would favour short ones), a few edits per poll. */
    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> poll = Combinators.combine(
                edits().list().ofMaxSize(6).withSizeDistribution(RandomDistribution.uniform()),
                Arbitraries.longs()).as(Poll::new);
        Arbitrary<Integer> batchesBack = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 2)));
        // A negative record: from the offset before the batch's first change, which a table record carries.
        Arbitrary<Restart> restart = Combinators.combine(batchesBack, Arbitraries.integers().between(-3, 63),
                Arbitraries.of(true, false)).as(Restart::new);
        Arbitrary<Step> rescope = Combinators.combine(Arbitraries.of(Scope.CHOICES),
                edits().list().ofMaxSize(3), Arbitraries.longs(), restart.injectNull(0.5)).as(Rescope::new);
        return Arbitraries.frequencyOf(Tuple.of(5, poll), Tuple.of(1, restart.map(Step.class::cast)),
                        Tuple.of(1, rescope))
                .list().ofMaxSize(50).withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Edit> edits() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 63);
        Arbitrary<Edit> logIn = SessionArbitraries.clusterSession().map(LogIn::new);
        Arbitrary<Edit> logOut = pick.map(LogOut::new);
        Arbitrary<Edit> putConnection = Combinators.combine(pick,
                Arbitraries.integers().between(1, 6).flatMap(SessionArbitraries::clusterConnection))
                .as(PutConnection::new);
        Arbitrary<Edit> dropConnection = Combinators.combine(pick, pick).as(DropConnection::new);
        Arbitrary<Edit> describe = Combinators.combine(pick, SessionArbitraries.clusterTag(),
                Arbitraries.of("alias", "new alias", "ālias").injectNull(0.3),
                Arbitraries.of("rack 9", "moved").injectNull(0.5), SessionArbitraries.clusterIgroups())
                .as(Describe::new);
        Arbitrary<Edit> renameSvm = Combinators.combine(Arbitraries.of(SVM_A, SVM_B),
                Arbitraries.of("svm1", "svm_ß", "svm2").injectNull(0.2)).as(RenameSvm::new);
        Arbitrary<Edit> reserialise = Combinators.combine(pick, Arbitraries.of(false, false, true))
                .as(Reserialise::new);
        Arbitrary<Edit> reuseTsih = Combinators.combine(pick, Arbitraries.of(true, false)).as(ReuseTsih::new);
        Arbitrary<Edit> listTwice = Combinators.combine(pick, Arbitraries.of(true, false)).as(ListTwice::new);
        return Arbitraries.frequencyOf(Tuple.of(4, logIn), Tuple.of(2, logOut), Tuple.of(3, putConnection),
                Tuple.of(2, dropConnection), Tuple.of(2, describe), Tuple.of(1, renameSvm), Tuple.of(2, reserialise),
                Tuple.of(2, reuseTsih), Tuple.of(1, listTwice));
    }

    /** One thing that happens between two polls of the history. */
    sealed interface Step permits Poll, Rescope, Restart {
        void takeIn(Run run);
    }

    /**
     * A filter on SVM UUIDs, as ONTAP applies it: the sessions of the SVMs named, or all. Some choices cover the
     * same sessions under another canonical form: a rescope that changes nothing but the scope stored.
     */
    record Scope(SessionScope filter, Set<String> svmUuids) {

        static final List<Scope> CHOICES = List.of(
                new Scope(SessionScope.ALL, Set.of(SVM_A, SVM_B)),
                svms(SVM_A), svms(SVM_B), svms(SVM_A, SVM_B), svms(SVM_B, SVM_A),
                new Scope(SessionScope.parse("svm.uuid=none"), Set.of()));

        private static Scope svms(String... uuids) {
            return new Scope(SessionScope.parse("svm.uuid=" + String.join("|", uuids)), Set.of(uuids));
        }

        boolean covers(SessionKey key) {
            return svmUuids.contains(key.svmUuid());
        }

        Map<SessionKey, IscsiSession> covered(Map<SessionKey, IscsiSession> sessions) {
            Map<SessionKey, IscsiSession> covered = new TreeMap<>(sessions);
            covered.keySet().removeIf(key -> !covers(key));
            return covered;
        }
    }

    /** The cluster changes, then the task polls it; {@code order} shuffles the records. */
    record Poll(List<Edit> edits, long order) implements Step {
        @Override
        public void takeIn(Run run) {
            edits.forEach(edit -> edit.applyTo(run.cluster));
            if (run.cluster.listsOneTwice(run.scope)) {
                run.pollFailing(order);
            } else {
                run.poll(order);
            }
        }
    }

    /**
     * The task's filter is changed (or configured again as it was), and the next poll made under it; then maybe
     * a restart, most often from a record of that poll's batch.
     */
    record Rescope(Scope scope, List<Edit> edits, long order, Restart restart) implements Step {
        @Override
        public void takeIn(Run run) {
            run.scope = scope;
            new Poll(edits, order).takeIn(run);
            if (restart != null) {
                restart.takeIn(run);
            }
        }
    }

    /**
     * The task restarts from the offset of a record of one of the last three batches (or without an offset if none
     * was emitted), and at once polls the unchanged cluster or waits for the next poll.
     */
    record Restart(int batchesBack, int record, boolean pollAtOnce) implements Step {
        @Override
        public void takeIn(Run run) {
            run.restart(batchesBack, record, pollAtOnce);
        }
    }

    /** One history being run: the cluster, the task's state, and the model beside it. */
    static final class Run {

        private final SnapshotMode mode;
        private final ListedSessions cluster = new ListedSessions();
        private final ClusterModel model;
        private ClusterState state = ClusterState.fresh();
        /** The batches emitted, each beside the model's: the records a restart may resume from. */
        private final List<ChangeBatch> emitted = new ArrayList<>();
        private final List<ClusterModel.Batch> expected = new ArrayList<>();
        private Instant now = START;
        private Scope scope = Scope.CHOICES.get(0);

        Run(SnapshotMode mode) {
            this.mode = mode;
            this.model = new ClusterModel(mode);
        }

        ChangeBatch poll(long order) {
            now = now.plusSeconds(30);
            ClusterModel.Batch want = model.poll(scope.covered(cluster.sessions()), now, scope.filter().canonical());
            ChangeBatch got = state.poll(cluster.records(order, scope), now, mode, scope.filter());

            assertThat(got.changes()).as("changes").isEqualTo(want.changes());
            assertThat(got.generation()).as("generation").isEqualTo(want.generation());
            assertThat(got.previousObservedAt()).as("previous poll").isEqualTo(want.previousObservedAt());
            assertTrackedAsModelSays();
            assertLastOffsetAsModelSays();
            if (!got.isEmpty()) {
                emitted.add(got);
                expected.add(want);
                assertStoredAsModelSays(got, want);
            }
            return got;
        }

        /** A poll that lists a key twice fails, and leaves the state as it was. */
        void pollFailing(long order) {
            now = now.plusSeconds(30);
            FingerprintedPoll records = cluster.records(order, scope);

            assertThatThrownBy(() -> state.poll(records, now, mode, scope.filter()))
                    .hasMessageContaining("listed twice");
            assertTrackedAsModelSays();
        }

        void restart(int batchesBack, int record, boolean pollAtOnce) {
            if (emitted.isEmpty()) {
                Statistics.label("restart from").collect("no batch");
                state = ClusterState.fresh();
                model.restartFresh();
                if (pollAtOnce) {
                    poll(0);
                }
                return;
            }
            int from = Math.max(0, emitted.size() - 1 - batchesBack);
            ChangeBatch batch = emitted.get(from);
            // -1: from the offset before the batch's first change, which a table record carries.
            int committed = record < 0 ? -1 : Math.floorMod(record, batch.changes().size());
            boolean last = committed == batch.changes().size() - 1;
            Statistics.label("restart from").collect(committed < 0 ? "a batch, before its first change"
                    : !expected.get(from).rescope() ? "a batch going on"
                    : last ? "a rescope batch, its last record" : "a rescope batch, before its last record");
            boolean clusterAsAfterBatch = scope.filter().canonical().equals(batch.scope())
                    && ClusterModel.digestsOf(scope.covered(cluster.sessions()))
                    .equals(ClusterModel.digestsOf(expected.get(from).sessionsAfter(batch.changes().size())));

            state = ClusterState.restore(OffsetFormat.parse(ClusterStateTest.storedAndReadBack(
                    batch.offsetBefore(committed + 1))));
            model.restart(expected.get(from), committed);
            assertTrackedAsModelSays();

            if (pollAtOnce) {
                ChangeBatch replay = poll(0);
                if (clusterAsAfterBatch) {
                    // Nothing the events depend on has changed since the batch: the rest of it comes again, as it was.
                    List<String> ids = ClusterStateTest.ids(batch);
                    assertThat(ClusterStateTest.ids(replay)).as("replay after record %d", committed)
                            .isEqualTo(ids.subList(committed + 1, ids.size()));
                }
            }
        }

        /** The sessions tracked, their digests and what is known of them, and the pool's uses. */
        private void assertTrackedAsModelSays() {
            SessionTable table = state.tracked();
            Map<SessionKey, Long> digests = new TreeMap<>();
            Map<SessionKey, IscsiSession> contents = new TreeMap<>();
            Map<SessionKey, IscsiSession> expectedContents = new TreeMap<>();
            for (TrackedSession session : table.all()) {
                digests.put(session.key(), session.digest());
                contents.put(session.key(), table.content(session));
                expectedContents.put(session.key(), model.knownContent(session.key()));
            }
            assertThat(digests).as("tracked digests").isEqualTo(model.digests());
            assertThat(contents).as("tracked contents").isEqualTo(expectedContents);
            assertThat(state.sessionCount()).isEqualTo(digests.size());
            PoolReferences.assertExact(table);
        }

        /**
         * The offset of each of a batch's records, as the worker stores it, holds the state after that record: the
         * last one the state after the batch.
         */
        private void assertStoredAsModelSays(ChangeBatch batch, ClusterModel.Batch want) {
            int size = batch.changes().size();
            for (int record = 0; record < size; record++) {
                OffsetFormat.StoredState stored = OffsetFormat.parse(ClusterStateTest.storedAndReadBack(
                        batch.offsetAfter(record)));
                boolean last = record == size - 1;
                assertThat(digestsOf(stored.sessions())).as("stored digests after record %d", record)
                        .isEqualTo(ClusterModel.digestsOf(want.sessionsAfter(record + 1)));
                assertThat(firstSeenOf(stored.sessions())).as("stored first-seen times after record %d", record)
                        .isEqualTo(want.firstSeenAfter(record + 1));
                assertThat(stored.sessions().svmNames()).as("stored SVM names after record %d", record)
                        .isEqualTo(want.svmNamesAfter(record + 1));
                assertThat(stored.scope()).as("stored scope").isEqualTo(want.scope());
                assertThat(stored.generation()).isEqualTo(last ? batch.generation() : batch.generation() - 1);
                assertThat(stored.polledAt()).isEqualTo(last ? batch.observedAt() : batch.previousObservedAt());
                assertThat(stored.snapshotInProgress()).as("snapshot in progress after record %d", record)
                        .isEqualTo(want.snapshotInProgressAfter(record + 1));
            }
            assertThat(ClusterModel.digestsOf(want.sessionsAfter(size))).as("the model's batch ends where it is")
                    .isEqualTo(model.digests());
        }

        /** What health records carry: the state the task is in, with its scope, once it has a baseline. */
        private void assertLastOffsetAsModelSays() {
            OffsetFormat.StoredState stored = OffsetFormat.parse(ClusterStateTest.storedAndReadBack(
                    state.lastOffset()));
            assertThat(digestsOf(stored.sessions())).as("last offset's digests").isEqualTo(model.digests());
            assertThat(firstSeenOf(stored.sessions())).as("last offset's first-seen times")
                    .isEqualTo(model.firstSeen());
            assertThat(stored.sessions().svmNames()).as("last offset's SVM names").isEqualTo(model.svmNames());
            assertThat(stored.scope()).as("last offset's scope").isEqualTo(model.scope());
        }

        private static Map<SessionKey, FirstSeen> firstSeenOf(DigestSnapshot snapshot) {
            Map<SessionKey, FirstSeen> firstSeen = new TreeMap<>();
            for (int i = 0; i < snapshot.size(); i++) {
                firstSeen.put(snapshot.key(i), snapshot.firstSeen(snapshot.key(i)));
            }
            return firstSeen;
        }

        private static Map<SessionKey, Long> digestsOf(DigestSnapshot snapshot) {
            Map<SessionKey, Long> digests = new TreeMap<>();
            for (int i = 0; i < snapshot.size(); i++) {
                digests.put(snapshot.key(i), snapshot.digest(i));
            }
            return digests;
        }
    }

    /** A change to the cluster's sessions between polls; {@code pick}s choose among the sessions listed. */
    sealed interface Edit permits LogIn, LogOut, PutConnection, DropConnection, Describe, RenameSvm, Reserialise,
            ReuseTsih, ListTwice {
        void applyTo(ListedSessions cluster);
    }

    /** A session appears, replacing whatever was listed under its key. */
    record LogIn(IscsiSession session) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.list(session);
        }
    }

    record LogOut(int pick) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.unlist(pick);
        }
    }

    /** A connection is added, or replaces the one with its cid. */
    record PutConnection(int pick, Connection connection) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.change(pick, session -> {
                List<Connection> connections = new ArrayList<>(session.connectionsOrEmpty());
                connections.removeIf(c -> c.cid() == connection.cid());
                connections.add(connection);
                return ListedSessions.withConnections(session, connections);
            });
        }
    }

    record DropConnection(int pick, int which) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.change(pick, session -> {
                List<Connection> connections = new ArrayList<>(session.connectionsOrEmpty());
                if (!connections.isEmpty()) {
                    connections.remove(Math.floorMod(which, connections.size()));
                }
                return ListedSessions.withConnections(session, connections);
            });
        }
    }

    /** What makes no event: portal group tag, initiator alias and comment, igroups. */
    record Describe(int pick, Integer tag, String alias, String comment, List<Igroup> igroups) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.change(pick, session -> {
                Initiator initiator = session.initiator() == null ? null
                        : new Initiator(session.initiator().name(), alias, comment);
                return new IscsiSession(session.svm(), session.targetPortalGroup(), tag, session.tsih(),
                        session.isid(), initiator, igroups, session.connections());
            });
        }
    }

    /** An SVM is renamed (or its name no longer reported): every session of it says so at once. */
    record RenameSvm(String uuid, String name) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.renameSvm(uuid, name);
        }
    }

    /** The record of a session comes with other bytes (or none known) for the same content. */
    record Reserialise(int pick, boolean withoutFingerprint) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.reserialise(pick, withoutFingerprint);
        }
    }

    /** The session's TSIH is taken by another login between two polls: another ISID, or another initiator. */
    record ReuseTsih(int pick, boolean byIsid) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.change(pick, session -> {
                String isid = byIsid ? next(ISIDS, session.isid()) : session.isid();
                Initiator initiator = session.initiator() == null ? new Initiator(INITIATORS.get(0), null, null)
                        : byIsid ? session.initiator()
                        : new Initiator(next(INITIATORS, session.initiatorName()), null, null);
                return new IscsiSession(session.svm(), session.targetPortalGroup(), session.targetPortalGroupTag(),
                        session.tsih(), isid, initiator, session.igroups(), session.connections());
            });
        }

        private static String next(List<String> values, String current) {
            return values.get((current == null ? 0 : values.indexOf(current) + 1) % values.size());
        }
    }

    /** The next poll lists the session's record twice, in the same bytes or in other ones: a broken listing. */
    record ListTwice(int pick, boolean sameBytes) implements Edit {
        @Override
        public void applyTo(ListedSessions cluster) {
            cluster.listTwice(pick, sameBytes);
        }
    }

    /**
     * The cluster: the sessions it lists, each with the serialisation its record has now. A record's fingerprint
     * stands for its bytes: the same content in the same serialisation has the same one, poll after poll.
     */
    static final class ListedSessions {

        private record Listed(IscsiSession session, int serialisation) {
        }

        private final TreeMap<SessionKey, Listed> listed = new TreeMap<>();
        private final Map<String, String> svmNames = new HashMap<>(Map.of(SVM_A, "svm1", SVM_B, "svm_ß"));
        private final Map<Listed, Long> fingerprints = new HashMap<>();
        /** The session the next poll lists a second time, if still listed then, and whether in the same bytes. */
        private SessionKey twice;
        private boolean twiceInSameBytes;

        Map<SessionKey, IscsiSession> sessions() {
            Map<SessionKey, IscsiSession> sessions = new TreeMap<>();
            listed.forEach((key, record) -> sessions.put(key, record.session()));
            return sessions;
        }

        boolean listsOneTwice(Scope scope) {
            return twice != null && listed.containsKey(twice) && scope.covers(twice);
        }

        /** The records the scope covers, in an order of their own. */
        FingerprintedPoll records(long order, Scope scope) {
            List<Listed> records = new ArrayList<>(listed.values());
            records.removeIf(record -> !scope.covers(record.session().key()));
            if (listsOneTwice(scope)) {
                Listed record = listed.get(twice);
                records.add(twiceInSameBytes ? record : new Listed(record.session(), Integer.MAX_VALUE));
            }
            twice = null;
            Collections.shuffle(records, new Random(order));
            FingerprintedPoll poll = new FingerprintedPoll();
            records.forEach(record -> poll.record(fingerprint(record), record.session()));
            return poll;
        }

        void list(IscsiSession session) {
            listed.put(session.key(), new Listed(withSvmName(session, svmNames.get(session.svm().uuid())), 0));
        }

        void unlist(int pick) {
            SessionKey key = picked(pick);
            if (key != null) {
                listed.remove(key);
            }
        }

        void change(int pick, UnaryOperator<IscsiSession> change) {
            SessionKey key = picked(pick);
            if (key != null) {
                Listed record = listed.get(key);
                listed.put(key, new Listed(change.apply(record.session()), record.serialisation()));
            }
        }

        void renameSvm(String uuid, String name) {
            svmNames.put(uuid, name);
            listed.replaceAll((key, record) -> key.svmUuid().equals(uuid)
                    ? new Listed(withSvmName(record.session(), name), record.serialisation()) : record);
        }

        void listTwice(int pick, boolean sameBytes) {
            twice = picked(pick);
            twiceInSameBytes = sameBytes;
        }

        void reserialise(int pick, boolean withoutFingerprint) {
            SessionKey key = picked(pick);
            if (key != null) {
                Listed record = listed.get(key);
                listed.put(key, new Listed(record.session(),
                        withoutFingerprint ? -1 : Math.max(record.serialisation(), 0) + 1));
            }
        }

        static IscsiSession withConnections(IscsiSession session, List<Connection> connections) {
            return new IscsiSession(session.svm(), session.targetPortalGroup(), session.targetPortalGroupTag(),
                    session.tsih(), session.isid(), session.initiator(), session.igroups(), connections);
        }

        private static IscsiSession withSvmName(IscsiSession session, String name) {
            return new IscsiSession(new Svm(session.svm().uuid(), name), session.targetPortalGroup(),
                    session.targetPortalGroupTag(), session.tsih(), session.isid(), session.initiator(),
                    session.igroups(), session.connections());
        }

        private SessionKey picked(int pick) {
            return listed.isEmpty() ? null : new ArrayList<>(listed.keySet()).get(pick % listed.size());
        }

        /**
         * Every other fingerprint has the same {@code Long.hashCode}, 0: they all start probing at one slot of the
         * fingerprint index and form long runs there. A negative serialisation stands for a record without one.
         */
        private long fingerprint(Listed record) {
            if (record.serialisation() < 0) {
                return LiveSessions.NO_FINGERPRINT;
            }
            return fingerprints.computeIfAbsent(record, r -> {
                long n = fingerprints.size() + 1;
                return n % 2 == 0 ? n << 32 | n : n * 0x9E3779B97F4A7C15L;
            });
        }
    }
}
