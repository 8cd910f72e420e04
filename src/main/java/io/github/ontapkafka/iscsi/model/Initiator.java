package io.github.ontapkafka.iscsi.model;

/** The iSCSI initiator of a session: its IQN ({@code name}), {@code alias} and {@code comment}; any may be null. */
public record Initiator(String name, String alias, String comment) {
}
