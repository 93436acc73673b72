package org.strowger.sip.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

/** Static hosts as IP literals (no name resolution in these tests). */
class EndpointParserHostPortTest {

    private static InetSocketAddress parse(String text) {
        return EndpointParser.hostPort("endpoint 'trunk': ", text);
    }

    @Test
    void ipv4WithPort() throws Exception {
        assertThat(parse("192.0.2.7:5070")).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 5070));
    }

    @Test
    void ipv4WithoutPortDefaultsTo5060() throws Exception {
        assertThat(parse("192.0.2.7")).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 5060));
    }

    @Test
    void bracketedIpv6WithPort() throws Exception {
        assertThat(parse("[2001:db8::5]:5070"))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("2001:db8::5"), 5070));
    }

    @Test
    void bracketedIpv6WithoutPortDefaultsTo5060() throws Exception {
        assertThat(parse("[2001:db8::5]")).isEqualTo(new InetSocketAddress(InetAddress.getByName("2001:db8::5"), 5060));
    }

    @Test
    void aBareIpv6LiteralIsAHostNotAHostAndPort() throws Exception {
        assertThat(parse("2001:db8::5")).isEqualTo(new InetSocketAddress(InetAddress.getByName("2001:db8::5"), 5060));
    }
}
