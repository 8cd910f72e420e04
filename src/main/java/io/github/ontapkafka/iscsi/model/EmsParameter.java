package io.github.ontapkafka.iscsi.model;

/** One {@code {name, value}} parameter of an EMS event; ONTAP writes every value as a string. */
public record EmsParameter(String name, String value) {
}
