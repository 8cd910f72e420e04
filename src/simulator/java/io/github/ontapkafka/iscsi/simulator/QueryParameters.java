package io.github.ontapkafka.iscsi.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A request's query parameters, decoded, in the order the client sent them. */
record QueryParameters(List<QueryParameters.Parameter> parameters) {

    record Parameter(String name, String value) {
    }

    QueryParameters {
        parameters = List.copyOf(parameters);
    }

    /**
     * Whether a parameter is part of a {@code next} link's cursor: ONTAP names every cursor parameter
     * {@code start.<field>}, whatever the collection.
     */
    static boolean isCursorParameter(String name) {
        return name.startsWith("start.");
    }

    static QueryParameters parse(String rawQuery) {
        List<Parameter> parsed = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parsed.add(new Parameter(decode(name), decode(value)));
            }
        }
        return new QueryParameters(parsed);
    }

    Optional<String> first(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    boolean isEmpty() {
        return parameters.isEmpty();
    }

    QueryParameters without(Predicate<String> name) {
        return new QueryParameters(parameters.stream().filter(p -> !name.test(p.name())).toList());
    }

    QueryParameters with(String name, String value) {
        List<Parameter> extended = new ArrayList<>(parameters);
        extended.add(new Parameter(name, value));
        return new QueryParameters(extended);
    }

    /** The query string, percent-encoded, keeping the characters ONTAP leaves readable ({@code , * :}). */
    String encode() {
        return parameters.stream().map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&"));
    }

    /** The same text for the same parameters however a client orders or encodes them. */
    String canonical() {
        return parameters.stream()
                .sorted(Comparator.comparing(Parameter::name).thenComparing(Parameter::value))
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isKeptAsIs(c)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isKeptAsIs(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~,*:".indexOf(c) >= 0;
    }
}
