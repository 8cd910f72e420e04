package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Whether a single JSON value suits an ECS field type. Stricter than Elasticsearch, which by default coerces
 * "5" into a long and 5 into a keyword: a producer should write the type the mapping declares.
 */
final class EcsValueCheck {

    private EcsValueCheck() {
    }

    /** The problem with the value, or empty when it suits the type. */
    static Optional<String> problem(JsonNode value, String type) {
        boolean suits = switch (type) {
            case "keyword", "constant_keyword", "wildcard", "text", "match_only_text" -> value.isTextual();
            case "long" -> value.isIntegralNumber() && value.canConvertToLong();
            case "integer" -> value.isIntegralNumber() && value.canConvertToInt();
            case "short" -> value.isIntegralNumber() && value.canConvertToInt() && value.intValue() == (short) value.intValue();
            case "byte" -> value.isIntegralNumber() && value.canConvertToInt() && value.intValue() == (byte) value.intValue();
            case "float", "double", "scaled_float" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "ip" -> value.isTextual() && IpLiteral.isValid(value.textValue());
            case "date" -> value.isIntegralNumber() || value.isTextual() && isIsoDate(value.textValue());
            case "object", "nested", "flattened" -> value.isObject();
            case "geo_point" -> value.isTextual() || value.path("lat").isNumber() && value.path("lon").isNumber();
            default -> throw new IllegalStateException("ECS type \"" + type + "\" is unknown to this validator");
        };
        return suits ? Optional.empty() : Optional.of("expected " + expectation(type) + " but got " + JsonKinds.describe(value));
    }

    /** Elasticsearch's default date format: strict_date_optional_time or epoch_millis. */
    private static boolean isIsoDate(String text) {
        try {
            if (text.contains("T")) {
                DateTimeFormatter.ISO_DATE_TIME.parse(text);
            } else {
                LocalDate.parse(text);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String expectation(String type) {
        return switch (type) {
            case "ip" -> "an IPv4 or IPv6 address literal (ip)";
            case "date" -> "an ISO-8601 date-time string or epoch milliseconds (date)";
            case "long", "integer", "short", "byte" -> "an integer that fits " + type;
            case "float", "double", "scaled_float" -> "a number (" + type + ")";
            case "object", "nested", "flattened" -> "an object (" + type + ")";
            case "geo_point" -> "a geo_point ({\"lat\":…,\"lon\":…} or a string)";
            default -> "a string (" + type + ")";
        };
    }
}
