package io.github.ontapkafka.iscsi.transform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTest {

    @Test
    void addressLiteralsAreIpsOfTheirVersion() {
        assertThat(IpAddresses.networkType("192.0.2.1")).isEqualTo("ipv4");
        assertThat(IpAddresses.networkType("2001:db8::1")).isEqualTo("ipv6");
        assertThat(IpAddresses.networkType("::ffff:192.0.2.1")).isEqualTo("ipv6");
    }

    @Test
    void anythingElseIsNoIpSoThatElasticsearchCannotRejectTheDocument() {
        assertThat(IpAddresses.isLiteral("256.0.0.1")).isFalse();
        assertThat(IpAddresses.isLiteral("192.0.2")).isFalse();
        assertThat(IpAddresses.isLiteral("2001:db8::zz")).isFalse();
        assertThat(IpAddresses.isLiteral("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(IpAddresses.isLiteral("cafe")).as("a host name, never looked up").isFalse();
        assertThat(IpAddresses.isLiteral("")).isFalse();
        assertThat(IpAddresses.isLiteral(null)).isFalse();
        assertThat(IpAddresses.networkType("esx01.example.com")).isNull();
    }
}
