package io.github.ontapkafka.iscsi.simulator;

import java.util.EnumSet;
import java.util.Set;

/** The top-level fields of an EMS event record, in the order the simulator writes them. */
enum EmsField implements RecordField {
    NODE("node"),
    INDEX("index"),
    TIME("time"),
    MESSAGE("message"),
    LOG_MESSAGE("log_message"),
    PARAMETERS("parameters"),
    SOURCE("source");

    /** A record is its node's event number {@code index}. */
    static final Set<EmsField> KEYS = EnumSet.of(NODE, INDEX);
    /** What ONTAP's reference says is "Returned by default", besides the keys. */
    static final Set<EmsField> BY_DEFAULT = EnumSet.of(NODE, INDEX, TIME, LOG_MESSAGE);

    private final String jsonName;

    EmsField(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
