package io.github.ontapkafka.iscsi.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the admin API's query parameters. A bad one throws {@link IllegalArgumentException}, which
 * {@link AdminApi} answers with a 400 reply carrying its message.
 */
final class AdminQuery {

    private final QueryParameters query;

    AdminQuery(QueryParameters query) {
        this.query = query;
    }

    /** Also reads integers in the admin API's paths, so that they are refused with the same message. */
    static int parseInteger(String what, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer: " + text);
        }
    }

    Optional<String> text(String name) {
        return query.first(name);
    }

    String requiredText(String name) {
        return text(name).orElseThrow(() -> missing(name));
    }

    Optional<Integer> integer(String name) {
        return text(name).map(value -> parseInteger(name, value));
    }

    int requiredInteger(String name) {
        return integer(name).orElseThrow(() -> missing(name));
    }

    Optional<Double> decimal(String name) {
        return text(name).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number: " + value);
            }
        });
    }

    Optional<Boolean> flag(String name) {
        return text(name).map(value -> QueryChecks.flag(query, name, false));
    }

    /** The parameters named {@code <prefix><name>}, by name without the prefix, in the order given. */
    Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        query.parameters().stream().filter(p -> p.name().startsWith(prefix))
                .forEach(p -> found.put(p.name().substring(prefix.length()), p.value()));
        return found;
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("Missing parameter " + name);
    }
}
