package io.github.ontapkafka.iscsi.config;

/** A configuration problem found across keys, and the key it is reported on (the one to change). */
public record ConfigProblem(String key, String message) {
}
