package io.github.ontapkafka.iscsi.demo;

import java.time.format.DateTimeFormatter;

/**
 * A fixed-width column of the console view. The columns every kind of line uses are here, so that session, health
 * and EMS lines line up under the one heading {@link EventLine#header} prints.
 */
record Column(String title, int width) {

    static final Column TIME = new Column("TIME", 8);
    static final Column EVENT = new Column("EVENT", 17);
    static final Column CLUSTER = new Column("CLUSTER", 11);
    static final Column SVM = new Column("SVM", 11);
    static final Column PORTAL_GROUP = new Column("PORTAL GROUP", 12);
    static final Column TSIH = new Column("TSIH", 5);
    static final Column INITIATOR = new Column("INITIATOR", 22);
    static final Column ADDRESSES = new Column("ADDRESSES", 24);
    /** Between two columns. */
    static final String GAP = "  ";
    /** What a column shows for a value ONTAP did not give. */
    static final String NONE = "-";
    /** What {@link #TIME} shows: the day is the same for every line but a few, which say so. */
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    String heading() {
        return pad(title);
    }

    String headingRight() {
        return fitRight(title);
    }

    /** Longer values are cut with an ellipsis. */
    String fit(String value) {
        String shown = value == null ? NONE : value;
        return pad(shown.length() > width ? shown.substring(0, width - 1) + "…" : shown);
    }

    String fitRight(String value) {
        return " ".repeat(Math.max(0, width - value.length())) + value;
    }

    /** Addresses are never cut: a cut address reads as another address. */
    String pad(String value) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
