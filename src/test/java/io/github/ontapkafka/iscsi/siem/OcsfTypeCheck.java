package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a value against a dictionary type and every type it refines (port_t → integer_t), each level's regex,
 * range, maximum length and allowed values applying. Regexes are searched, not matched whole, as the OCSF server's
 * validator does: uuid_t's regex carries no anchors. Two checks go beyond the type definitions: ip_t must be a
 * real IPv4/IPv6 literal (its regex writes the IPv4 dots as "." so {@code 10a0a0a1} would pass), and timestamp_t
 * must look like epoch milliseconds, not seconds or nanoseconds.
 */
final class OcsfTypeCheck {

    private static final BigDecimal EARLIEST_PLAUSIBLE_MILLIS = new BigDecimal("1e11");
    private static final BigDecimal LATEST_PLAUSIBLE_MILLIS = new BigDecimal("1e14");
    private static final int LONG_T_BITS = 127;

    private final Map<String, OcsfType> types;

    OcsfTypeCheck(Map<String, OcsfType> types) {
        this.types = types;
    }

    void check(JsonNode value, String typeName, String path, List<String> violations) {
        List<OcsfType> chain = chain(typeName);
        String primitive = chain.get(chain.size() - 1).name();
        if (!hasShapeOf(primitive, value)) {
            violations.add(path + ": expected " + describe(chain) + " but got " + JsonKinds.describe(value));
            return;
        }
        for (OcsfType type : chain) {
            checkLimits(value, type, path, violations);
        }
        if (refines(chain, "ip_t") && !IpLiteral.isValid(value.asText().replaceFirst("%.+$", ""))) {
            violations.add(path + ": \"" + value.asText() + "\" is not an IPv4 or IPv6 address literal (ip_t)");
        }
        if (refines(chain, "timestamp_t") && (value.decimalValue().compareTo(EARLIEST_PLAUSIBLE_MILLIS) < 0
                || value.decimalValue().compareTo(LATEST_PLAUSIBLE_MILLIS) >= 0)) {
            violations.add(path + ": " + value + " does not look like epoch milliseconds (timestamp_t)");
        }
    }

    private void checkLimits(JsonNode value, OcsfType type, String path, List<String> violations) {
        if (type.low() != null && (value.decimalValue().compareTo(type.low()) < 0 || value.decimalValue().compareTo(type.high()) > 0)) {
            violations.add(path + ": " + value + " is outside the range " + type.low() + ".." + type.high() + " of " + type.name());
        }
        if (type.maxLength() != null && value.asText().codePointCount(0, value.asText().length()) > type.maxLength()) {
            violations.add(path + ": longer than the " + type.maxLength() + " characters " + type.name() + " allows");
        }
        if (type.regex() != null && !type.regex().matcher(value.asText()).find()) {
            violations.add(path + ": \"" + value.asText() + "\" does not match the regex of " + type.name());
        }
        if (type.values() != null && !type.values().contains(value)) {
            violations.add(path + ": " + value + " is not among the values " + type.values() + " of " + type.name());
        }
    }

    private static boolean refines(List<OcsfType> chain, String typeName) {
        return chain.stream().anyMatch(t -> t.name().equals(typeName));
    }

    private static boolean hasShapeOf(String primitive, JsonNode value) {
        return switch (primitive) {
            case "boolean_t" -> value.isBoolean();
            case "integer_t" -> value.isIntegralNumber() && value.canConvertToLong();
            case "long_t" -> value.isIntegralNumber() && value.bigIntegerValue().bitLength() <= LONG_T_BITS;
            // The OCSF server accepts only JSON numbers written as floats here, not 5 for 5.0.
            case "float_t" -> value.isFloatingPointNumber();
            case "string_t" -> value.isTextual();
            case "json_t" -> true;
            default -> throw new IllegalStateException("OCSF primitive type \"" + primitive + "\" is unknown to this validator");
        };
    }

    private List<OcsfType> chain(String typeName) {
        List<OcsfType> chain = new ArrayList<>();
        for (String name = typeName; name != null; name = chain.get(chain.size() - 1).parent()) {
            OcsfType type = types.get(name);
            if (type == null || chain.contains(type)) {
                throw new IllegalStateException("OCSF type \"" + name + "\" is undefined or circular (from " + typeName + ")");
            }
            chain.add(type);
        }
        return chain;
    }

    private static String describe(List<OcsfType> chain) {
        return chain.stream().map(OcsfType::name).reduce((a, b) -> a + " (" + b).orElseThrow()
                + ")".repeat(chain.size() - 1);
    }
}
