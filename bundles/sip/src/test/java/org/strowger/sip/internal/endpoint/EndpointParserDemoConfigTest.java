package org.strowger.sip.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.sip.EndpointStatus;

/** The shipped demo configurations parse into what the driver expects. */
class EndpointParserDemoConfigTest {

    @Test
    void aliceIsADynamicPhoneThatAuthenticates() {
        Endpoint alice = TestEndpointConfig.alice().parse();

        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.kind()).isEqualTo(EndpointStatus.Kind.DYNAMIC);
        assertThat(alice.isDynamic()).isTrue();
        assertThat(alice.secret()).contains("alice-secret");
        assertThat(alice.requiresAuthentication()).isTrue();
        assertThat(alice.staticAddress()).isEmpty();
        assertThat(alice.context()).isEqualTo("internal");
        assertThat(alice.codecs()).containsExactly(Codec.ULAW, Codec.ALAW);
        assertThat(alice.transport()).isEqualTo("udp");
        assertThat(alice.qualifyIntervalSeconds()).isEqualTo(60);
        assertThat(alice.maxContacts()).isEqualTo(1);
        assertThat(alice.trace()).isFalse();
    }

    @Test
    void loadgenIsAStaticTrunkRecognisedByAddressAndPort() throws Exception {
        Endpoint loadgen = TestEndpointConfig.loadgen().parse();

        assertThat(loadgen.kind()).isEqualTo(EndpointStatus.Kind.STATIC);
        assertThat(loadgen.isDynamic()).isFalse();
        assertThat(loadgen.secret()).isEmpty();
        assertThat(loadgen.requiresAuthentication()).isFalse();
        assertThat(loadgen.staticAddress())
                .contains(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 5061));
        assertThat(loadgen.context()).isEqualTo("load");
        assertThat(loadgen.qualifyIntervalSeconds()).isZero();
    }

    @Test
    void anAnonymousEndpointHasNoSecretAndNoAddress() {
        Endpoint guest = TestEndpointConfig.named("guest").anonymous(true).context("guests").parse();

        assertThat(guest.kind()).isEqualTo(EndpointStatus.Kind.ANONYMOUS);
        assertThat(guest.requiresAuthentication()).isFalse();
        assertThat(guest.staticAddress()).isEmpty();
        assertThat(guest.context()).isEqualTo("guests");
    }

    @Test
    void codecsKeepTheConfiguredOrderAcceptTheAliasesAndDropRepeats() {
        Endpoint endpoint = TestEndpointConfig.alice().codecs(" PCMA, g711u  alaw,ulaw").parse();

        assertThat(endpoint.codecs()).containsExactly(Codec.ALAW, Codec.ULAW);
    }

    @Test
    void transportAndNameAreTrimmedAndTransportIsCaseInsensitive() {
        Endpoint endpoint = TestEndpointConfig.loadgen().name(" loadgen ").transport(" TCP ").parse();

        assertThat(endpoint.name()).isEqualTo("loadgen");
        assertThat(endpoint.transport()).isEqualTo("tcp");
    }

    @Test
    void aStaticHostWithoutPortUses5060() {
        Endpoint endpoint = TestEndpointConfig.loadgen().host("127.0.0.1").parse();

        assertThat(endpoint.staticAddress()).map(InetSocketAddress::getPort).contains(5060);
    }

    @Test
    void aStaticEndpointMayAlsoHaveASecret() {
        Endpoint endpoint = TestEndpointConfig.loadgen().secret("s3cret").parse();

        assertThat(endpoint.kind()).isEqualTo(EndpointStatus.Kind.STATIC);
        assertThat(endpoint.requiresAuthentication()).isTrue();
    }
}
