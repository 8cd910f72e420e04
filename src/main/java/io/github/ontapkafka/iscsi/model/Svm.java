package io.github.ontapkafka.iscsi.model;

/** The storage VM that owns a session. {@code name} may be unknown (null). */
public record Svm(String uuid, String name) {
}
