package io.github.ontapkafka.iscsi.simulator;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One value of an ONTAP query filter, such as {@code prod_*}, {@code a|b}, {@code !0}, {@code >=3} or {@code 1..5},
 * as a test of one field value. Alternatives are separated by {@code |}; each is a term, negated by a leading
 * {@code !}: a comparison ({@code <}, {@code >}, {@code <=}, {@code >=}), an inclusive range {@code low..high}, a
 * pattern where {@code *} stands for any characters, or a plain value. Two numbers compare as numbers, anything else
 * as text ignoring case, as ONTAP compares.
 */
final class QueryExpression implements Predicate<String> {

    private static final String RANGE = "..";

    private final List<Predicate<String>> alternatives;

    private QueryExpression(List<Predicate<String>> alternatives) {
        this.alternatives = alternatives;
    }

    /**
     * @param operand reads each compared operand into the form the field's values take (a time into epoch seconds,
     *                say); patterns are matched as written
     */
    static QueryExpression parse(String text, UnaryOperator<String> operand) {
        return new QueryExpression(Arrays.stream(text.split("\\|", -1))
                .map(alternative -> term(alternative, operand)).toList());
    }

    @Override
    public boolean test(String value) {
        return alternatives.stream().anyMatch(alternative -> alternative.test(value));
    }

    private static Predicate<String> term(String text, UnaryOperator<String> operand) {
        if (text.startsWith("!")) {
            return term(text.substring(1), operand).negate();
        }
        if (text.startsWith("<=")) {
            String bound = operand.apply(text.substring(2));
            return value -> compare(value, bound) <= 0;
        }
        if (text.startsWith(">=")) {
            String bound = operand.apply(text.substring(2));
            return value -> compare(value, bound) >= 0;
        }
        if (text.startsWith("<")) {
            String bound = operand.apply(text.substring(1));
            return value -> compare(value, bound) < 0;
        }
        if (text.startsWith(">")) {
            String bound = operand.apply(text.substring(1));
            return value -> compare(value, bound) > 0;
        }
        int range = text.indexOf(RANGE);
        if (range >= 0) {
            String low = operand.apply(text.substring(0, range));
            String high = operand.apply(text.substring(range + RANGE.length()));
            return value -> compare(value, low) >= 0 && compare(value, high) <= 0;
        }
        if (text.contains("*")) {
            Pattern pattern = wildcard(text);
            return value -> pattern.matcher(value).matches();
        }
        String expected = operand.apply(text);
        return value -> compare(value, expected) == 0;
    }

    private static Pattern wildcard(String text) {
        StringBuilder regex = new StringBuilder();
        for (String literal : text.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private static int compare(String value, String operand) {
        BigDecimal number = number(value);
        BigDecimal operandNumber = number(operand);
        if (number != null && operandNumber != null) {
            return number.compareTo(operandNumber);
        }
        return String.CASE_INSENSITIVE_ORDER.compare(value, operand);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
