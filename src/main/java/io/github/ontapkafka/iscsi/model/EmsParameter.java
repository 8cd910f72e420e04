package io.github.ontapkafka.iscsi.model;

/**
 * One {@code {name, value}} parameter of an EMS event. ONTAP writes every value as a string; a number is kept as the
 * text it was written as, and the value is null when ONTAP gave none or one that is neither.
 */
public record EmsParameter(String name, String value) {
}
