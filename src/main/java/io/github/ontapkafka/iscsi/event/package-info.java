/**
 * Connect records of the session events, and of the EMS events (failed and refused logins): their Avro-ready
 * schemas, keys, values and event ids.
 *
 * <p><b>Owns:</b> {@link io.github.ontapkafka.iscsi.event.EventSchemas} (mirrored by the committed
 * {@code src/main/avro/*.avsc}), {@link io.github.ontapkafka.iscsi.event.EventRecords} (a batch of changes to
 * {@code SourceRecord}s) and {@link io.github.ontapkafka.iscsi.event.EventIds} (the deterministic {@code event_id});
 * {@link io.github.ontapkafka.iscsi.event.EmsSchemas}, {@link io.github.ontapkafka.iscsi.event.EmsRecords} and
 * {@link io.github.ontapkafka.iscsi.event.EmsEventKind} for the event log's records; the connector's
 * {@link io.github.ontapkafka.iscsi.event.Version}, which the connector and the transforms report.
 *
 * <p><b>Used by:</b> {@code connector}, and {@code transform}, which reads the records by the names these schemas
 * give.
 *
 * <p><b>May use:</b> {@code tracking}, {@code model}, Connect's data and source record API.
 *
 * <p><b>Words:</b> an <em>event</em> is one record of the session topic, of an {@code event_type} named after the
 * {@code tracking} change it reports; its <em>event id</em> is derived from what a replay sees again (cluster, key,
 * type, digests, generation), never from a clock.
 */
package io.github.ontapkafka.iscsi.event;
