/**
 * The data model, in ONTAP's own terms: what {@code GET /api/protocols/san/iscsi/sessions} reports, limited to what
 * the events carry, and the records of a node's event log (EMS). Plain immutable records.
 *
 * <p><b>Owns:</b> {@link io.github.ontapkafka.iscsi.model.IscsiSession} and its parts, the session's identity
 * {@link io.github.ontapkafka.iscsi.model.SessionKey} ({@code svm.uuid / target_portal_group / tsih}, ordered so
 * that every poll emits its changes in the same order), {@link io.github.ontapkafka.iscsi.model.ClusterIdentity},
 * {@link io.github.ontapkafka.iscsi.model.ClusterNode} and a node's event
 * {@link io.github.ontapkafka.iscsi.model.EmsEvent} (identified by node and index) with its
 * {@link io.github.ontapkafka.iscsi.model.EmsParameter}s.
 *
 * <p><b>May use:</b> the JDK only. Every other package may use this one.
 *
 * <p><b>Words:</b> a <em>session</em> is one iSCSI login, identified within its cluster by its key; a
 * <em>connection</em> is one TCP connection of a session, identified within it by its {@code cid}. Fields ONTAP
 * may omit are null.
 */
package io.github.ontapkafka.iscsi.model;
