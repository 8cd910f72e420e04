package io.github.ontapkafka.iscsi.simulator;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders of {@code order_by} the EMS events endpoint serves: by {@code time} or {@code index}, ascending or
 * descending. Without {@code order_by}, newest first, as ONTAP answers "the latest event" with
 * {@code max_records=1}. Ties break on node name, then index or time, so that every order is total and a cursor
 * names one place in it.
 */
enum EmsOrder {
    TIME_ASC, TIME_DESC, INDEX_ASC, INDEX_DESC;

    private static final Comparator<EmsCursor> BY_TIME = Comparator.comparing(EmsCursor::time)
            .thenComparing(EmsCursor::nodeName).thenComparingLong(EmsCursor::index);
    private static final Comparator<EmsCursor> BY_INDEX = Comparator.comparingLong(EmsCursor::index)
            .thenComparing(EmsCursor::nodeName).thenComparing(EmsCursor::time);

    /** @throws RejectedRequest for any other {@code order_by}, which the simulator does not serve */
    static EmsOrder parse(Optional<String> orderBy) {
        if (orderBy.isEmpty()) {
            return TIME_DESC;
        }
        String[] words = orderBy.get().trim().toLowerCase(Locale.ROOT).split("\\s+");
        boolean descending = words.length == 2 && words[1].equals("desc");
        if (words.length <= 2 && (words.length == 1 || descending || words[1].equals("asc"))) {
            switch (words[0]) {
                case "time":
                    return descending ? TIME_DESC : TIME_ASC;
                case "index":
                    return descending ? INDEX_DESC : INDEX_ASC;
                default:
                    break;
            }
        }
        throw new RejectedRequest(OntapErrors.invalidValue("order_by", orderBy.get()));
    }

    Comparator<EmsCursor> comparator() {
        return switch (this) {
            case TIME_ASC -> BY_TIME;
            case TIME_DESC -> BY_TIME.reversed();
            case INDEX_ASC -> BY_INDEX;
            case INDEX_DESC -> BY_INDEX.reversed();
        };
    }
}
