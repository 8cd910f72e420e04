package io.github.ontapkafka.iscsi.simulator;

import java.util.List;
import java.util.function.Predicate;

/**
 * The query filters of a collection request: each parameter named by a field path ({@code svm.name=prod_*},
 * {@code message.name=iscsi.*}) is a {@link QueryExpression} on that field, and a record must match all of them. A
 * field inside an array matches when any element's value does; an absent field matches nothing, not even a negation.
 *
 * @param <T> the kind of record, whose fields {@link FieldPaths} names
 */
final class QueryFilter<T> implements Predicate<T> {

    private record FieldFilter(String path, QueryExpression expression) {
    }

    private final FieldPaths<T> paths;
    private final List<FieldFilter> filters;

    private QueryFilter(FieldPaths<T> paths, List<FieldFilter> filters) {
        this.paths = paths;
        this.filters = filters;
    }

    static <T> QueryFilter<T> of(QueryParameters query, FieldPaths<T> paths) {
        return new QueryFilter<>(paths, query.parameters().stream()
                .filter(parameter -> paths.isKnown(parameter.name()))
                .map(parameter -> new FieldFilter(parameter.name(),
                        QueryExpression.parse(parameter.value(), paths.operandReader(parameter.name()))))
                .toList());
    }

    @Override
    public boolean test(T record) {
        return filters.stream().allMatch(filter -> paths.values(filter.path(), record).anyMatch(filter.expression()));
    }
}
