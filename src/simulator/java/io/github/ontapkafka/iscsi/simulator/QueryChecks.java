package io.github.ontapkafka.iscsi.simulator;

import java.util.function.Predicate;

/** Validates query parameters the way ONTAP does, rejecting a request with ONTAP's 400 error. */
final class QueryChecks {

    private QueryChecks() {
    }

    /** ONTAP refuses any parameter an endpoint does not know. */
    static void acceptOnly(QueryParameters query, Predicate<String> accepted) {
        query.parameters().stream().filter(p -> !accepted.test(p.name())).findFirst().ifPresent(unexpected -> {
            throw new RejectedRequest(OntapErrors.unexpectedArgument(unexpected.name()));
        });
    }

    /** A boolean parameter, which ONTAP spells {@code true} or {@code false}. */
    static boolean flag(QueryParameters query, String name, boolean byDefault) {
        String value = query.first(name).orElse(null);
        if (value == null) {
            return byDefault;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new RejectedRequest(OntapErrors.invalidValue(name, value));
    }
}
