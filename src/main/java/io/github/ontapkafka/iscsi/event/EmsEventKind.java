package io.github.ontapkafka.iscsi.event;

import java.util.Locale;
import java.util.Map;

/**
 * What an EMS message says about iSCSI logins, in words a security analyst filters on. Mapped from ONTAP's message
 * name only: the free text of {@code iscsi.loginFailure} is kept whole, never parsed.
 */
public enum EmsEventKind {
    /** {@code iscsi.loginIpNotAuthorized}: a login refused because of the address it came from. */
    LOGIN_REFUSED_BY_ADDRESS,
    /** {@code iscsi.loginFailure}: a login that failed; why is in ONTAP's free text. */
    LOGIN_FAILED,
    /** {@code san.initiator.login.missing}: an initiator of an igroup is not logged in to a node. */
    INITIATOR_LOGIN_MISSING,
    /** {@code san.initiator.login}: such an initiator is logged in again. */
    INITIATOR_LOGIN_RESTORED,
    /** {@code san.initiator.login.not.req}: such an initiator no longer needs to be logged in. */
    INITIATOR_LOGIN_NOT_REQUIRED,
    /** Another message the filter selected, e.g. one a newer release added: kept with its name and parameters. */
    OTHER;

    private static final Map<String, EmsEventKind> BY_MESSAGE = Map.of(
            "iscsi.loginipnotauthorized", LOGIN_REFUSED_BY_ADDRESS,
            "iscsi.loginfailure", LOGIN_FAILED,
            "san.initiator.login.missing", INITIATOR_LOGIN_MISSING,
            "san.initiator.login", INITIATOR_LOGIN_RESTORED,
            "san.initiator.login.not.req", INITIATOR_LOGIN_NOT_REQUIRED);

    /** The kind of a message; message names are compared as ONTAP does, ignoring case. */
    public static EmsEventKind of(String messageName) {
        return messageName == null ? OTHER
                : BY_MESSAGE.getOrDefault(messageName.toLowerCase(Locale.ROOT), OTHER);
    }
}
