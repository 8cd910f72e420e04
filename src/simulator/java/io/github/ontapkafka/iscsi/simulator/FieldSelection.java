package io.github.ontapkafka.iscsi.simulator;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Which session fields a request's {@code fields} parameter asks for. Key fields always come back. */
final class FieldSelection {

    private FieldSelection() {
    }

    /**
     * @param fields          the {@code fields} parameter, if given
     * @param whenAbsent      what to return without it: key fields for a collection, everything for one record
     * @param ignoreUnknown   {@code ignore_unknown_fields=true}: skip names this release lacks instead of failing
     */
    static Set<SessionField> parse(Optional<String> fields, Set<SessionField> whenAbsent, boolean ignoreUnknown) {
        if (fields.isEmpty()) {
            return whenAbsent;
        }
        EnumSet<SessionField> selected = EnumSet.copyOf(SessionField.KEYS);
        for (String requested : fields.get().split(",")) {
            String name = requested.trim();
            if (name.equals("*") || name.equals("**")) {
                return SessionField.ALL;
            }
            Optional<SessionField> field = SessionField.selectedBy(name);
            if (field.isPresent()) {
                selected.add(field.get());
            } else if (!ignoreUnknown && !name.equals("_links")) {
                throw new RejectedRequest(OntapErrors.invalidValue("fields", name));
            }
        }
        return selected;
    }
}
