package io.github.ontapkafka.iscsi.ontap;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which sessions of a cluster the connector follows: a filter in ONTAP's own query syntax on the sessions
 * collection, such as {@code svm.name=prod_*&initiator.name=iqn.1998-01.com.vmware:*}, which ONTAP applies itself.
 * It is checked here, where a mistake can still be told on the configuration key: ONTAP answers an unknown field
 * with an error at every poll, and a misspelt value with an empty collection, which would look like every session
 * logging out.
 *
 * <p>Values are kept raw: the HTTP layer encodes them as query parameters. The {@linkplain #canonical canonical
 * form} orders the terms by field, so that the same filter written in another order is the same scope: it is what
 * offsets remember, to tell a changed filter from sessions that logged in or out.
 */
public final class SessionScope {

    /** No filter: every session of the cluster. */
    public static final SessionScope ALL = new SessionScope(List.of());

    /** The fields of an iSCSI session record whose values are numbers, and take numeric expressions only. */
    private static final Set<String> NUMERIC_FIELDS = Set.of("target_portal_group_tag", "tsih", "connections.cid",
            "connections.initiator_address.port", "connections.interface.ip.port");

    /** The fields of an iSCSI session record with text values: ONTAP compares these as strings. */
    private static final Set<String> TEXT_FIELDS = Set.of("svm.name", "svm.uuid", "target_portal_group", "isid",
            "initiator.name", "initiator.alias", "initiator.comment", "igroups.name", "igroups.uuid",
            "connections.authentication_type", "connections.initiator_address.address", "connections.interface.name",
            "connections.interface.uuid", "connections.interface.ip.address");

    /** The query parameters the connector sets itself on every request of the collection. */
    private static final Set<String> CONNECTOR_PARAMETERS = Set.of("fields", "max_records", "return_records",
            "return_timeout", "order_by");

    /** One alternative of a numeric expression: a number, a comparison, a range or {@code *}, maybe negated. */
    private static final Pattern NUMERIC_ALTERNATIVE = Pattern.compile("!?(\\*|(<=|>=|<|>)?\\d+|\\d+\\.\\.\\d+)");

    private final List<Term> terms;

    private SessionScope(List<Term> terms) {
        this.terms = terms;
    }

    /**
     * Reads a filter: terms {@code field=expression} joined by {@code &}, each field at most once. Whitespace around
     * terms, fields and expressions is ignored.
     *
     * @param text the filter, or null or blank for {@link #ALL}
     * @throws IllegalArgumentException saying which term is wrong, why, and what is allowed instead
     */
    public static SessionScope parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        TreeMap<String, Term> byField = new TreeMap<>();
        for (String written : text.split("&", -1)) {
            Term term = term(written.trim());
            if (byField.putIfAbsent(term.field(), term) != null) {
                throw new IllegalArgumentException("the field " + term.field() + " is given twice; combine "
                        + "alternatives in one term with '|', as in " + term.field() + "=a|b");
            }
        }
        return new SessionScope(List.copyOf(byField.values()));
    }

    private static Term term(String written) {
        if (written.isEmpty()) {
            throw new IllegalArgumentException("empty term: terms field=expression are joined by a single '&', "
                    + "with none before the first or after the last");
        }
        int equals = written.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("'" + written + "' has no '=': each term is field=expression");
        }
        String field = written.substring(0, equals).trim();
        String expression = written.substring(equals + 1).trim();
        checkField(field);
        if (expression.isEmpty()) {
            throw new IllegalArgumentException("the expression for " + field + " is empty: give a value, a pattern "
                    + "with '*', or alternatives joined by '|'");
        }
        if (NUMERIC_FIELDS.contains(field)) {
            checkNumeric(field, expression);
        } else {
            checkText(field, expression);
        }
        return new Term(field, expression);
    }

    private static void checkField(String field) {
        if (CONNECTOR_PARAMETERS.contains(field)) {
            throw new IllegalArgumentException("'" + field + "' cannot be filtered on: the connector sets the "
                    + "query parameters " + sorted(CONNECTOR_PARAMETERS) + " itself");
        }
        if (!NUMERIC_FIELDS.contains(field) && !TEXT_FIELDS.contains(field)) {
            throw new IllegalArgumentException("'" + field + "' is not a field of an iSCSI session; filter on "
                    + "one of " + sorted(TEXT_FIELDS) + " or, with numbers, " + sorted(NUMERIC_FIELDS));
        }
    }

    private static void checkNumeric(String field, String expression) {
        for (String alternative : expression.split("\\|", -1)) {
            if (!NUMERIC_ALTERNATIVE.matcher(alternative).matches()) {
                throw new IllegalArgumentException(field + " is a number, and '" + alternative + "' in "
                        + field + "=" + expression + " is not a numeric expression: each alternative (joined by "
                        + "'|') must be n, <n, >n, <=n, >=n, n..m or *, each maybe negated with a leading !");
            }
        }
    }

    private static void checkText(String field, String expression) {
        if (List.of(expression.split("\\|", -1)).contains("")) {
            throw new IllegalArgumentException(field + "=" + expression + " has an empty alternative: '|' "
                    + "separates alternatives, and each must have a value or pattern");
        }
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    /** Whether this is no filter at all. */
    public boolean isAll() {
        return terms.isEmpty();
    }

    /** The terms in canonical order: by field name. */
    public List<Term> terms() {
        return terms;
    }

    /** The terms as {@code field=expression} joined by {@code &}, in canonical order; "" for {@link #ALL}. */
    public String canonical() {
        return terms.stream().map(term -> term.field() + "=" + term.expression()).collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return isAll() ? "all sessions" : canonical();
    }

    /** One condition: ONTAP's {@code expression} on the session record's {@code field}. */
    public record Term(String field, String expression) {
    }
}
