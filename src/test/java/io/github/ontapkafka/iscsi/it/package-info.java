/**
 * Integration tests: a real Kafka broker and Connect worker in-process (Kafka's own test harness), or in child JVMs,
 * against the project's ONTAP simulator; run by {@code mvn verify} after packaging.
 */
package io.github.ontapkafka.iscsi.it;
