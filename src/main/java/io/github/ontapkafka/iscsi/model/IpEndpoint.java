package io.github.ontapkafka.iscsi.model;

/** An IP address (v4 or v6) and TCP port; the port may be unknown (null). */
public record IpEndpoint(String address, Integer port) {
}
