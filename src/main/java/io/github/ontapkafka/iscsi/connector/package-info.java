/**
 * The Kafka Connect plugin: the {@code SourceConnector} that spreads clusters over tasks and validates the
 * configuration, and the {@code SourceTask} that polls its clusters and returns their change batches as records.
 *
 * <p><b>Owns:</b> {@link io.github.ontapkafka.iscsi.connector.OntapIscsiSourceConnector},
 * {@link io.github.ontapkafka.iscsi.connector.OntapIscsiSourceTask}, one cluster's schedule and health
 * ({@code ClusterPoller}), why a poll failed ({@code PollFailure}, by its real cause: ONTAP, the stored offset, the
 * configuration, or a defect of the connector), reading a cluster's event log after its cursor ({@code EmsReader}),
 * the cluster-to-task assignment and the validation probe.
 *
 * <p><b>May use:</b> every other package of the connector, Connect's API. Nothing uses it.
 *
 * <p><b>Words:</b> a <em>poll</em> of a cluster is one fetch of its identity and listing, then its diff; a
 * <em>failed poll</em> emits nothing and changes no state. A task's {@code poll()} returns the batches of every
 * cluster whose fetch has come back.
 */
package io.github.ontapkafka.iscsi.connector;
