/**
 * Tracking: what a task knows of each cluster between polls, the diff of a new listing against it, and the state
 * that each record's source offset carries. One idea: the diff is a function of the tracked state, and the state is
 * what the emitted diffs add up to.
 *
 * <p><b>Owns:</b> {@link io.github.ontapkafka.iscsi.tracking.ClusterState} (the entry point: one poll in, one
 * {@link io.github.ontapkafka.iscsi.tracking.ChangeBatch} out), {@link io.github.ontapkafka.iscsi.tracking.SessionDiff},
 * the tracked sessions ({@link io.github.ontapkafka.iscsi.tracking.SessionTable} over the hand-built open-addressing
 * indexes {@code KeyIndex} and {@code FingerprintIndex}, {@code ValuePool} and {@code CompactSession}), and the offset
 * layout ({@link io.github.ontapkafka.iscsi.tracking.OffsetFormat}, {@link io.github.ontapkafka.iscsi.tracking.StateCodec}).
 * A stored offset it cannot use is an {@link io.github.ontapkafka.iscsi.tracking.UnusableOffsetException}. Also how
 * far each node's event log has been read ({@link io.github.ontapkafka.iscsi.tracking.EmsCursor}, in a source
 * partition of its own).
 *
 * <p><b>May use:</b> {@code ontap} (only {@link io.github.ontapkafka.iscsi.ontap.LiveSessions}, the listing it
 * diffs, and {@link io.github.ontapkafka.iscsi.ontap.SessionScope}, the filter it was listed under) and
 * {@code model}. Not Connect, HTTP or JSON. Owned by the task thread: nothing here is thread-safe but the encoding of
 * in-flight offsets.
 *
 * <p><b>Words:</b>
 * <ul>
 *   <li><em>digest</em>: a 56-bit hash of what makes a session's events, its login identity and its connections
 *       ({@link io.github.ontapkafka.iscsi.tracking.SessionDigest}). Stored in offsets and part of event ids, so it
 *       never changes for the same session. A <em>fingerprint</em> (see {@code ontap}) hashes a record's bytes and
 *       is never stored.</li>
 *   <li><em>snapshot of digests</em>: {@link io.github.ontapkafka.iscsi.tracking.DigestSnapshot}, the key-ordered
 *       digests of a cluster's sessions plus the SVM names seen: exactly what an offset stores. Not to be confused
 *       with the <em>{@code SNAPSHOT} event</em>, a {@link io.github.ontapkafka.iscsi.tracking.ChangeType} reported for
 *       each session already present at the first poll of a cluster, or newly in scope at a rescope
 *       ({@link io.github.ontapkafka.iscsi.tracking.SnapshotMode}).</li>
 *   <li><em>change</em>: one event-to-be ({@link io.github.ontapkafka.iscsi.tracking.SessionChange}); a
 *       <em>batch</em> is all the changes one poll of one cluster found, emitted together, each record carrying the
 *       state after its own change as its offset.</li>
 *   <li><em>generation</em>: the number of batches of a cluster fully emitted. It is part of every event id and
 *       advances only with a batch's last record, so a task resuming from any record of a batch replays the rest
 *       with the ids they had.</li>
 *   <li><em>tracked session</em>: what is remembered of a session: key, digest, the fingerprint of its last record,
 *       and its content in compact form once seen (after a restart only the digest is known).</li>
 *   <li><em>scope</em>: the filter ONTAP applied to the listing
 *       ({@link io.github.ontapkafka.iscsi.ontap.SessionScope}), all sessions unless configured. The state remembers
 *       the canonical form of the scope its sessions were listed under, and every offset stores it
 *       ({@link io.github.ontapkafka.iscsi.tracking.OffsetFormat}).</li>
 *   <li><em>baseline</em>: the sessions a poll starts from. A first poll and a rescope start a new one; every other
 *       poll goes on from the last ({@link io.github.ontapkafka.iscsi.tracking.Membership}).</li>
 *   <li><em>rescope</em>: a poll under another scope than the tracked sessions were listed under. A change of filter
 *       is no change of the cluster, so it makes up no event: the sessions tracked but no longer listed are
 *       forgotten without a {@code LOGOUT}, those listed but not tracked are taken in as at a first poll (a
 *       {@code SNAPSHOT} each, or silently, per {@link io.github.ontapkafka.iscsi.tracking.SnapshotMode}), and those
 *       tracked and listed are compared as at any poll. The batch's records all carry the new scope, its
 *       {@code SNAPSHOT}s come first and, as in a first poll's snapshot, {@code snapshot_in_progress} holds until the
 *       last of them: a task resuming from any record reports the rest of the new sessions as {@code SNAPSHOT}s, the
 *       batch's other changes as they were, and no {@code LOGOUT} for the departed.</li>
 * </ul>
 */
package io.github.ontapkafka.iscsi.tracking;
