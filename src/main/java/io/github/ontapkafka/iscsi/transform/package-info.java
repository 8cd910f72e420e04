/**
 * Single Message Transforms shipped with the connector that put its records into a SIEM's schema.
 *
 * <p><b>Owns:</b> {@link io.github.ontapkafka.iscsi.transform.ToOcsf} (OCSF 1.5.0 Authentication events) with its
 * Connect schema ({@code OcsfSchemas}), its two mappings ({@code SessionEventMapping}, {@code EmsEventMapping}) and
 * the connector's private OCSF extension ({@code OcsfExtension}, files under {@code ocsf/extension/} in the jar);
 * {@link io.github.ontapkafka.iscsi.transform.ToEcs} (Elastic Common Schema documents) with its mappings
 * ({@code SessionEventToEcs}, {@code EmsEventToEcs}) and its Connect schema ({@code EcsStruct}). Both read the
 * records through one reader, {@code SourceFields}: a Struct or a schemaless Map alike, recognised by their fields.
 *
 * <p><b>May use:</b> {@code event} (the records' schema names, {@link io.github.ontapkafka.iscsi.event.EmsEventKind},
 * the connector's {@link io.github.ontapkafka.iscsi.event.Version}) and Connect's API. Nothing depends on it: a
 * transform runs in the worker on records, in a source or a sink connector, and reads them by field name only, so
 * that it also reads records an older or newer connector wrote, with or without their schema.
 *
 * <p><b>Words:</b> an <em>event</em> here is the SIEM's (an OCSF event, an ECS document), made from one connector
 * <em>record</em>; a record the transform does not know passes through.
 */
package io.github.ontapkafka.iscsi.transform;
