package io.github.ontapkafka.iscsi.model;

/** An initiator group the session's initiator belongs to. */
public record Igroup(String uuid, String name) {
}
