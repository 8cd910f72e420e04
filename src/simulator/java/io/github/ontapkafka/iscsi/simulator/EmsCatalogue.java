package io.github.ontapkafka.iscsi.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The EMS messages one cluster's release knows, by name. ONTAP's events endpoint fails on an exact message name its
 * catalogue lacks, so a connector that asks for {@code iscsi.loginIpNotAuthorized} by name breaks on a release
 * without it; {@link #remove} simulates such a release. Names match ignoring case, as ONTAP's query filters do.
 * Thread-safe.
 *
 * <p>The iSCSI and SAN messages carry the severities and syslog texts of ONTAP 9.17.1's catalogue; the
 * {@link EmsNoise noise} messages join them.
 */
final class EmsCatalogue {

    static final String LOGIN_REFUSED = "iscsi.loginIpNotAuthorized";
    static final String LOGIN_FAILURE = "iscsi.loginFailure";
    static final String INITIATOR_LOGIN_MISSING = "san.initiator.login.missing";
    static final String INITIATOR_LOGIN_RESTORED = "san.initiator.login";

    private static final String NOTICE = "notice";
    private static final String MISSING_LOGIN = "Missing login for initiator \"%s\", Vserver \"%s\", portset \"%s\"";

    private static final List<EmsMessage> ISCSI_AND_SAN = List.of(
            new EmsMessage(LOGIN_REFUSED, NOTICE, "iSCSI login authorization failure. Initiator %s attempted to log "
                    + "in on Vserver %s, LIF %s from IP address %s"),
            new EmsMessage(LOGIN_FAILURE, NOTICE, "ISCSI: iSCSI login failure, '%s'"),
            new EmsMessage("iscsi.notice", NOTICE, "ISCSI: %s"),
            new EmsMessage("iscsi.warning", NOTICE, "ISCSI: %s"),
            new EmsMessage(INITIATOR_LOGIN_RESTORED, NOTICE, MISSING_LOGIN + ", has been logged on."),
            new EmsMessage(INITIATOR_LOGIN_MISSING, NOTICE, "Initiator \"%s\" is not logged in to any LIFs on this "
                    + "node for Vserver \"%s\", portset \"%s\". Access to LUNs might be disrupted if a failover "
                    + "occurs."),
            new EmsMessage("san.initiator.login.not.req", NOTICE, MISSING_LOGIN + " is no longer required."));

    private final Map<String, EmsMessage> messages = new LinkedHashMap<>();

    EmsCatalogue() {
        Stream.concat(ISCSI_AND_SAN.stream(), EmsNoise.MESSAGES.stream()).forEach(this::add);
    }

    synchronized Optional<EmsMessage> find(String name) {
        return Optional.ofNullable(messages.get(key(name)));
    }

    synchronized boolean contains(String name) {
        return messages.containsKey(key(name));
    }

    synchronized void add(EmsMessage message) {
        messages.put(key(message.name()), message);
    }

    /** @return whether the catalogue had the message */
    synchronized boolean remove(String name) {
        return messages.remove(key(name)) != null;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
