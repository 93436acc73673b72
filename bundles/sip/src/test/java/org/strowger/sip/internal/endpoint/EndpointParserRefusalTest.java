package org.strowger.sip.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal names the endpoint and says exactly what is wrong. */
class EndpointParserRefusalTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-alice", ".alice", "al ice", "alice@home", "alice/x",
            "a1234567890123456789012345678901234567890123456789012345678901234"})
    void aBadNameIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.alice().name(name).parse())
                .withMessage("endpoint name '" + name.trim() + "' must be 1-64 letters, digits, '.', '_', '+' or '-',"
                        + " starting with a letter or digit");
    }

    @Test
    void aNameOf64CharactersIsTheLongestAccepted() {
        String name = "a" + "b".repeat(63);

        org.assertj.core.api.Assertions.assertThat(TestEndpointConfig.alice().name(name).parse().name()).isEqualTo(name);
    }

    @Test
    void aNullNameIsRefusedLikeAnEmptyOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.alice().name(null).parse())
                .withMessageStartingWith("endpoint name '' must be");
    }

    @Test
    void aDynamicEndpointWithoutASecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.alice().secret("").parse())
                .withMessage("endpoint 'alice': a dynamic endpoint needs a secret: without one anybody could"
                        + " register as 'alice'");
    }

    @Test
    void anAnonymousEndpointWithASecretIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestEndpointConfig.named("guest").anonymous(true).secret("x").parse())
                .withMessage("endpoint 'guest': an anonymous endpoint cannot have a secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:", "127.0.0.1:abc", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:-5",
            ":5060", "[::1", "[::1]5060", "[]:5060"})
    void aBadHostPortIsRefused(String host) {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.loadgen().host(host).parse())
                .withMessage("endpoint 'loadgen': host '" + host + "' is not 'dynamic' or host:port");
    }

    @Test
    void anUnknownCodecIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.alice().codecs("ulaw,g729").parse())
                .withMessage("endpoint 'alice': codec 'g729' is not supported (ulaw, alaw)");
    }

    @Test
    void noCodecAtAllIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.alice().codecs(" , ").parse())
                .withMessage("endpoint 'alice': codecs must name at least one of ulaw, alaw");
    }

    @Test
    void aTransportOtherThanUdpOrTcpIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.loadgen().transport("TLS").parse())
                .withMessage("endpoint 'loadgen': transport 'tls' is not udp or tcp");
    }

    @Test
    void anEmptyContextIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.alice().context(" ").parse())
                .withMessage("endpoint 'alice': context must not be empty");
    }

    @Test
    void maxContactsBelowOneIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestEndpointConfig.alice().maxContacts(0).parse())
                .withMessage("endpoint 'alice': maxContacts must be at least 1");
    }

    @Test
    void aNegativeQualifyIntervalIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestEndpointConfig.alice().qualifyIntervalSeconds(-1).parse())
                .withMessage("endpoint 'alice': qualifyIntervalSeconds must not be negative");
    }
}
