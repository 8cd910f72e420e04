package io.github.ontapkafka.iscsi.transform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Which addresses may go into ECS fields of type {@code ip}: Elasticsearch rejects a whole document whose ip field
 * does not parse, so anything else ONTAP writes into an address parameter stays in the {@code .address} keyword only.
 */
final class IpAddresses {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Hex digits, colons and an embedded IPv4 tail only: never a host name, so parsing it looks nothing up. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    static boolean isLiteral(String address) {
        if (address == null) {
            return false;
        }
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        if (!IPV6_CHARACTERS.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** ECS {@code network.type}: ipv4 or ipv6, null for anything that is not an address literal. */
    static String networkType(String address) {
        if (!isLiteral(address)) {
            return null;
        }
        return address.indexOf(':') >= 0 ? "ipv6" : "ipv4";
    }
}
