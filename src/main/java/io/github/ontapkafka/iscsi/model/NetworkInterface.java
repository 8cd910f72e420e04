package io.github.ontapkafka.iscsi.model;

/** The ONTAP network interface (LIF) a connection arrived on. */
public record NetworkInterface(String uuid, String name, IpEndpoint ip) {
}
