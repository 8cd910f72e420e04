/**
 * {@code ./demo}: Kafka, Connect, a Schema Registry, the simulator and the connector on this machine, with a console
 * view that reads the topic as a downstream consumer would. Lives with the tests because it runs Kafka's test
 * harness; {@code DemoIT} runs it in every build.
 */
package io.github.ontapkafka.iscsi.demo;
