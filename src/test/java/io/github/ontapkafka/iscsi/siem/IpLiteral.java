package io.github.ontapkafka.iscsi.siem;

import java.util.regex.Pattern;

/**
 * Whether a string is an IPv4 or IPv6 address literal. Written out rather than delegated to
 * {@link java.net.InetAddress}, which resolves anything that is not a literal through DNS and accepts legacy IPv4
 * forms such as {@code 1.2.3} that neither OCSF nor Elasticsearch accept.
 */
final class IpLiteral {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final int IPV6_GROUPS = 8;

    private IpLiteral() {
    }

    static boolean isValid(String text) {
        return IPV4.matcher(text).matches() || isIpv6(text);
    }

    private static boolean isIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap != text.lastIndexOf("::")) {
            return false;
        }
        if (gap < 0) {
            return groupCount(text, true) == IPV6_GROUPS;
        }
        int head = groupCount(text.substring(0, gap), false);
        int tail = groupCount(text.substring(gap + 2), true);
        return head >= 0 && tail >= 0 && head + tail < IPV6_GROUPS;
    }

    /** Groups in a colon-separated run, an embedded IPv4 tail counting as two; -1 when malformed. */
    private static int groupCount(String run, boolean mayEndInIpv4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] parts = run.split(":", -1);
        int groups = 0;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            if (HEX_GROUP.matcher(parts[i]).matches()) {
                groups++;
            } else if (last && mayEndInIpv4 && IPV4.matcher(parts[i]).matches()) {
                groups += 2;
            } else {
                return -1;
            }
        }
        return groups;
    }
}
