package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.EmsParameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One message of a release's EMS catalogue: its name, its severity (lower case, as the REST API writes it) and its
 * syslog text, whose {@code %s} the event's parameters fill in order to make the record's {@code log_message}.
 */
record EmsMessage(String name, String severity, String syslogText) {

    private static final String PLACEHOLDER = "%s";

    /** Parameters from alternating names and values. */
    static List<EmsParameter> parameters(String... namesAndValues) {
        List<EmsParameter> parameters = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(new EmsParameter(namesAndValues[i], namesAndValues[i + 1]));
        }
        return parameters;
    }

    /**
     * A message the catalogue lacked when it was logged, as a newer release adds: no syslog text is known, so its
     * log message lists the parameters' values.
     */
    static EmsMessage uncatalogued(String name, String severity, int parameters) {
        return new EmsMessage(name, severity, String.join(", ", Collections.nCopies(parameters, PLACEHOLDER)));
    }

    /** {@code <name>: <syslog text with the values filled in>}, as ONTAP writes {@code log_message}. */
    String logMessage(List<EmsParameter> parameters) {
        StringBuilder text = new StringBuilder(name).append(": ");
        int from = 0;
        for (EmsParameter parameter : parameters) {
            int at = syslogText.indexOf(PLACEHOLDER, from);
            if (at < 0) {
                break;
            }
            text.append(syslogText, from, at).append(parameter.value());
            from = at + PLACEHOLDER.length();
        }
        return text.append(syslogText.substring(from)).toString();
    }

    /** Where ONTAP says the event came from; the simulator uses the message's first name segment. */
    String source() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
