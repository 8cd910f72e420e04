/**
 * The ONTAP REST client: reads one cluster's identity, its whole sessions collection page by page, its nodes and each
 * node's event log (EMS) after a cursor, and says precisely why when it cannot.
 *
 * <p><b>Owns:</b> the HTTP exchange ({@link io.github.ontapkafka.iscsi.ontap.OntapClient}, made by
 * {@link io.github.ontapkafka.iscsi.ontap.OntapClients}; retries and {@link io.github.ontapkafka.iscsi.ontap.Backoff}),
 * proving who asks ({@link io.github.ontapkafka.iscsi.ontap.Authentication}: Basic, a TLS client certificate read by
 * {@code KeyMaterial}, or OAuth 2.0 tokens from a cached {@code TokenSource}), the sessions asked for
 * ({@link io.github.ontapkafka.iscsi.ontap.SessionScope}, ONTAP's own query syntax),
 * the cluster's address ({@link io.github.ontapkafka.iscsi.ontap.ClusterUrl}), reading pages
 * ({@link io.github.ontapkafka.iscsi.ontap.SessionPageParser} with the structural scanner {@code PageStructure}) and the
 * result of one complete walk of the collection ({@link io.github.ontapkafka.iscsi.ontap.SessionListing}, seen by
 * its consumers as {@link io.github.ontapkafka.iscsi.ontap.LiveSessions}), reading the small collections whole
 * ({@code CollectionPages}, for the nodes and, by {@code EmsPageParser}, a node's events) and the events of one walk
 * after a cursor ({@link io.github.ontapkafka.iscsi.ontap.EmsListing}). Any value but a record's key is read
 * liberally ({@code LenientReader}): an odd one is read as unknown and said. Failures are
 * {@link io.github.ontapkafka.iscsi.ontap.OntapException}s of a {@link io.github.ontapkafka.iscsi.ontap.FailureKind}.
 *
 * <p><b>May use:</b> {@code model}, OkHttp, Jackson's streaming parser. Not Connect: its settings come in as plain
 * values ({@link io.github.ontapkafka.iscsi.ontap.ClusterAccess}, {@link io.github.ontapkafka.iscsi.ontap.Login},
 * {@link io.github.ontapkafka.iscsi.ontap.Secret}).
 *
 * <p><b>Words:</b>
 * <ul>
 *   <li><em>login</em>: the credentials a cluster is read with (password, certificate or OAuth 2.0 client);
 *       <em>authentication</em>: what a request carries to prove them, and what to say when the cluster refuses.</li>
 *   <li><em>scope</em>: the filter ONTAP applies to the sessions collection; a listing is of one scope.</li>
 *   <li><em>listing</em>: every record of one complete walk of the {@code next} links. A listing exists only when
 *       every page came back whole: a partial session listing would look like logouts, a partial event listing
 *       would move a cursor past events never read.</li>
 *   <li><em>cursor</em>: the index of the last event read from a node's event log; indexes count each node's
 *       events of every message, so those a filter selects have gaps.</li>
 *   <li><em>oddity</em>: a value passed over as unknown, or an element left out, said with its page and path.</li>
 *   <li><em>record</em>: one element of a page's {@code records} array, as raw bytes; <em>reading</em> a record
 *       parses it into the model, and is done only for records not known by fingerprint.</li>
 *   <li><em>fingerprint</em>: a keyed 64-bit hash of a record's raw bytes ({@code RecordFingerprint}): equal bytes,
 *       equal session. It lives in memory only and never leaves the process; not to be confused with a
 *       <em>digest</em> (see {@code tracking}).</li>
 * </ul>
 */
package io.github.ontapkafka.iscsi.ontap;
