package io.github.ontapkafka.iscsi.simulator;

import java.util.Optional;

/** Reads the admin API's query parameters, refusing bad ones with a 400 reply. */
final class AdminQuery {

    private final QueryParameters query;

    AdminQuery(QueryParameters query) {
        this.query = query;
    }

    Optional<String> text(String name) {
        return query.first(name);
    }

    String requiredText(String name) {
        return text(name).orElseThrow(() -> new RejectedRequest(AdminApi.error(400, "Missing parameter " + name)));
    }

    Optional<Integer> integer(String name) {
        return text(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new RejectedRequest(AdminApi.error(400, name + " must be an integer: " + value));
            }
        });
    }

    int requiredInteger(String name) {
        return integer(name).orElseThrow(() -> new RejectedRequest(AdminApi.error(400, "Missing parameter " + name)));
    }

    Optional<Double> decimal(String name) {
        return text(name).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new RejectedRequest(AdminApi.error(400, name + " must be a number: " + value));
            }
        });
    }

    Optional<Boolean> flag(String name) {
        return text(name).map(value -> QueryChecks.flag(query, name, false));
    }
}
