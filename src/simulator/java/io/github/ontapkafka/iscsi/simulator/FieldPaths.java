package io.github.ontapkafka.iscsi.simulator;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The fields of one kind of record by ONTAP's dotted paths ({@code svm.name}, {@code message.name}), as query filters
 * name them. A path inside an array has one value per element. A field whose values are not compared as written (a
 * time, compared as an instant however its offset is spelled) comes with an operand reader that turns a filter's
 * operands into the form its values take.
 *
 * @param <T> the kind of record
 */
final class FieldPaths<T> {

    private final Map<String, Function<T, Stream<?>>> values;
    private final Map<String, UnaryOperator<String>> operandReaders;

    FieldPaths(Map<String, Function<T, Stream<?>>> values) {
        this(values, Map.of());
    }

    FieldPaths(Map<String, Function<T, Stream<?>>> values, Map<String, UnaryOperator<String>> operandReaders) {
        this.values = Map.copyOf(values);
        this.operandReaders = Map.copyOf(operandReaders);
    }

    boolean isKnown(String path) {
        return values.containsKey(path);
    }

    /** The values of {@code path} in {@code record}, as text; none when the field is absent. */
    Stream<String> values(String path, T record) {
        return values.get(path).apply(record).filter(Objects::nonNull).map(Object::toString);
    }

    /** How a filter's operands on {@code path} are read: as written, unless the field says otherwise. */
    UnaryOperator<String> operandReader(String path) {
        return operandReaders.getOrDefault(path, UnaryOperator.identity());
    }
}
