package io.github.ontapkafka.iscsi.simulator;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * EMS times as ONTAP writes them ({@code 2026-11-30T08:01:02+00:00}: to the second, with the node's offset) and as
 * clients give them in filters and cursors: ISO-8601 with any offset or {@code Z}, or epoch seconds, which Harvest
 * sends and ONTAP accepts.
 */
final class EmsTime {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private EmsTime() {
    }

    static String format(Instant time, ZoneId zone) {
        return WRITTEN.format(time.atZone(zone));
    }

    /** @throws IllegalArgumentException when {@code text} is neither an ISO-8601 time with offset nor epoch seconds */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeException notIso) {
            try {
                BigDecimal seconds = new BigDecimal(text.trim());
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } catch (NumberFormatException | ArithmeticException | DateTimeException notEpoch) {
                throw new IllegalArgumentException("Not a time: " + text, notEpoch);
            }
        }
    }

    /** A record's time as filters compare it: epoch seconds. */
    static String epochSeconds(Instant time) {
        return BigDecimal.valueOf(time.getEpochSecond()).add(BigDecimal.valueOf(time.getNano(), 9))
                .stripTrailingZeros().toPlainString();
    }

    /** Reads a {@code time} filter's operand into epoch seconds, refusing what is no time as ONTAP does. */
    static String filterOperand(String text) {
        try {
            return epochSeconds(parse(text));
        } catch (IllegalArgumentException notATime) {
            throw new RejectedRequest(OntapErrors.invalidValue("time", text));
        }
    }
}
