/**
 * The connector's configuration: every key, its documentation, default and validator, and the plain settings it
 * hands down to the ONTAP client and the tracking.
 *
 * <p><b>Owns:</b> {@link io.github.ontapkafka.iscsi.config.OntapSourceConfig} (the connector-wide keys) and
 * {@link io.github.ontapkafka.iscsi.config.ClusterSettings} (what each cluster is read with: its own
 * {@code ontap.cluster.<name>.*} settings over the connector-wide ones), with the problems found across keys as
 * {@link io.github.ontapkafka.iscsi.config.ConfigProblem}s on the key to change.
 *
 * <p><b>May use:</b> {@code ontap} (to build its settings), {@code tracking} (the snapshot mode), Kafka's config
 * API. Secrets stay Kafka {@code Password}s here and become {@link io.github.ontapkafka.iscsi.ontap.Secret}s on the
 * way down; neither prints its value.
 */
package io.github.ontapkafka.iscsi.config;
