package io.github.ontapkafka.iscsi.model;

/**
 * One TCP connection of a session. {@code cid} identifies it within its session; every other field may be null
 * when the ONTAP release does not report it.
 */
public record Connection(int cid, String authenticationType, IpEndpoint initiatorAddress,
                         NetworkInterface networkInterface) {
}
