package io.github.ontapkafka.iscsi.simulator;

/** A top-level field of a record the simulator serves, as {@code fields} names it and JSON spells it. */
interface RecordField {

    String jsonName();
}
