package io.github.ontapkafka.iscsi.simulator;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Which top-level fields of a record a request's {@code fields} parameter asks for. Key fields always come back. */
final class FieldSelection {

    private FieldSelection() {
    }

    /**
     * @param type          the record's fields
     * @param keys          the fields that identify a record, always returned
     * @param fields        the {@code fields} parameter, if given
     * @param whenAbsent    what to return without it: e.g. key fields for a collection, everything for one record
     * @param ignoreUnknown {@code ignore_unknown_fields=true}: skip names this release lacks instead of failing
     */
    static <F extends Enum<F> & RecordField> Set<F> parse(Class<F> type, Set<F> keys, Optional<String> fields,
                                                          Set<F> whenAbsent, boolean ignoreUnknown) {
        if (fields.isEmpty()) {
            return whenAbsent;
        }
        EnumSet<F> selected = EnumSet.copyOf(keys);
        for (String requested : fields.get().split(",")) {
            String name = requested.trim();
            if (name.equals("*") || name.equals("**")) {
                return EnumSet.allOf(type);
            }
            Optional<F> field = selectedBy(type, name);
            if (field.isPresent()) {
                selected.add(field.get());
            } else if (!ignoreUnknown && !name.equals("_links")) {
                throw new RejectedRequest(OntapErrors.invalidValue("fields", name));
            }
        }
        return selected;
    }

    /** The field a name in {@code fields} selects; a nested name such as {@code initiator.name} selects its parent. */
    private static <F extends Enum<F> & RecordField> Optional<F> selectedBy(Class<F> type, String requested) {
        int dot = requested.indexOf('.');
        String topLevel = dot < 0 ? requested : requested.substring(0, dot);
        return Arrays.stream(type.getEnumConstants()).filter(field -> field.jsonName().equals(topLevel)).findFirst();
    }
}
