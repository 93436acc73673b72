package org.strowger.sip.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strowger.sip.EndpointStatus;
import org.strowger.sip.internal.endpoint.Endpoint;

/** The check warns (returns true) only for a demo secret on a bind address others can reach. */
class DemoSecretsCheckTest {

    private static Endpoint withSecret(String name, String secret) {
        return new Endpoint(name, Optional.ofNullable(secret), "internal", List.of(), EndpointStatus.Kind.DYNAMIC,
                Optional.empty(), "udp", 60, 1, false);
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal); // IP literals only: no name resolution
    }

    @Test
    void aDemoSecretOnAPublicBindAddressWarns() throws Exception {
        assertThat(DemoSecretsCheck.warnIfExposed(address("192.0.2.1"), List.of(withSecret("alice", "alice-secret"))))
                .isTrue();
    }

    @Test
    void everyShippedDemoSecretCounts() throws Exception {
        for (String secret : List.of("alice-secret", "bob-secret", "carol-secret")) {
            assertThat(DemoSecretsCheck.warnIfExposed(address("192.0.2.1"), List.of(withSecret("x", secret))))
                    .as(secret).isTrue();
        }
    }

    @Test
    void theWildcardBindAddressIsExposed() throws Exception {
        assertThat(DemoSecretsCheck.warnIfExposed(address("0.0.0.0"), List.of(withSecret("bob", "bob-secret")))).isTrue();
        assertThat(DemoSecretsCheck.warnIfExposed(address("::"), List.of(withSecret("bob", "bob-secret")))).isTrue();
    }

    @Test
    void aDemoSecretOnLoopbackDoesNotWarn() throws Exception {
        List<Endpoint> demo = List.of(withSecret("alice", "alice-secret"), withSecret("bob", "bob-secret"));

        assertThat(DemoSecretsCheck.warnIfExposed(address("127.0.0.1"), demo)).isFalse();
        assertThat(DemoSecretsCheck.warnIfExposed(address("127.0.0.2"), demo)).isFalse();
        assertThat(DemoSecretsCheck.warnIfExposed(address("::1"), demo)).isFalse();
    }

    @Test
    void aChangedSecretOnAPublicBindAddressDoesNotWarn() throws Exception {
        assertThat(DemoSecretsCheck.warnIfExposed(address("192.0.2.1"),
                List.of(withSecret("alice", "correct horse battery staple"), withSecret("loadgen", null)))).isFalse();
    }

    @Test
    void oneDemoSecretAmongOthersIsEnoughToWarn() throws Exception {
        assertThat(DemoSecretsCheck.warnIfExposed(address("192.0.2.1"),
                List.of(withSecret("alice", "changed"), withSecret("carol", "carol-secret")))).isTrue();
    }

    @Test
    void noEndpointsNoWarning() throws Exception {
        assertThat(DemoSecretsCheck.warnIfExposed(address("192.0.2.1"), List.of())).isFalse();
    }
}
