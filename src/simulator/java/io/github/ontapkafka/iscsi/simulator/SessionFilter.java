package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.IscsiSession;

import java.util.List;
import java.util.function.Predicate;

/**
 * The query filters of a session collection request: each parameter named by a field path
 * ({@code svm.name=prod_*}) is a {@link QueryExpression} on that field, and a session must match all of them. A field
 * inside an array matches when any element's value does; an absent field matches nothing, not even a negation.
 */
final class SessionFilter implements Predicate<IscsiSession> {

    private record FieldFilter(String path, QueryExpression expression) {
    }

    private final List<FieldFilter> filters;

    private SessionFilter(List<FieldFilter> filters) {
        this.filters = filters;
    }

    static boolean isFilterParameter(String name) {
        return SessionFieldPaths.isKnown(name);
    }

    static SessionFilter of(QueryParameters query) {
        return new SessionFilter(query.parameters().stream()
                .filter(parameter -> isFilterParameter(parameter.name()))
                .map(parameter -> new FieldFilter(parameter.name(), QueryExpression.parse(parameter.value())))
                .toList());
    }

    @Override
    public boolean test(IscsiSession session) {
        return filters.stream().allMatch(filter ->
                SessionFieldPaths.values(filter.path(), session).anyMatch(filter.expression()));
    }
}
