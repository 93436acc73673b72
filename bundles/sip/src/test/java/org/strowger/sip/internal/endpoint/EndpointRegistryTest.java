package org.strowger.sip.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class EndpointRegistryTest {

    private static final InetAddress LOOPBACK = ipv4(127, 0, 0, 1);

    private final EndpointRegistry registry = new EndpointRegistry();
    private final Endpoint alice = TestEndpointConfig.alice().parse();
    private final Endpoint loadgen = TestEndpointConfig.loadgen().parse();
    private final Endpoint loadsink = TestEndpointConfig.loadgen().name("loadsink").host("127.0.0.1:5070").parse();

    private static InetAddress ipv4(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTrunkIsFoundByItsExactAddressAndPort() {
        registry.put(loadgen);

        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5061))).contains(loadgen);
    }

    @Test
    void theSameAddressOnAnotherPortIsNotTheTrunk() {
        registry.put(loadgen);

        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5062))).isEmpty();
        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5060))).isEmpty();
    }

    @Test
    void anotherAddressOnTheSamePortIsNotTheTrunk() {
        registry.put(loadgen);

        assertThat(registry.bySource(new InetSocketAddress(ipv4(127, 0, 0, 2), 5061))).isEmpty();
    }

    @Test
    void aStaticEndpointWithASecretIsNotRecognisedByAddress() {
        Endpoint authenticated = TestEndpointConfig.loadgen().secret("s3cret").parse();
        registry.put(authenticated);

        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5061))).isEmpty();
        assertThat(registry.byName("loadgen")).contains(authenticated);
    }

    @Test
    void aSecondTrunkOnTheSameAddressIsRefusedAndTheRegistryIsUnchanged() {
        registry.put(loadgen);
        Endpoint twin = TestEndpointConfig.loadgen().name("twin").parse();

        assertThatIllegalArgumentException().isThrownBy(() -> registry.put(twin))
                .withMessageContaining("endpoint 'twin' has the same address")
                .withMessageContaining("as endpoint 'loadgen'");

        assertThat(registry.byName("twin")).isEmpty();
        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5061))).contains(loadgen);
        assertThat(registry.all()).containsExactly(loadgen);
    }

    @Test
    void aRefusedUpdateOfATrunkKeepsTheTrunkAsItWas() {
        registry.put(loadgen);
        registry.put(loadsink);
        Endpoint moved = TestEndpointConfig.loadgen().name("loadsink").host("127.0.0.1:5061").parse();

        assertThatIllegalArgumentException().isThrownBy(() -> registry.put(moved));

        assertThat(registry.byName("loadsink")).contains(loadsink);
        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5070))).contains(loadsink);
        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5061))).contains(loadgen);
    }

    @Test
    void replacingAnEndpointReturnsTheOldOneAndReindexesItsAddress() {
        registry.put(loadgen);
        Endpoint moved = TestEndpointConfig.loadgen().host("127.0.0.1:5099").parse();

        assertThat(registry.put(moved)).contains(loadgen);

        assertThat(registry.byName("loadgen")).contains(moved);
        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5061))).isEmpty();
        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5099))).contains(moved);
    }

    @Test
    void replacingATrunkKeepingItsAddressIsNotAClash() {
        registry.put(loadgen);
        Endpoint recontexted = TestEndpointConfig.loadgen().context("other").parse();

        assertThat(registry.put(recontexted)).contains(loadgen);
        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5061))).contains(recontexted);
    }

    @Test
    void addingANewEndpointReplacesNothing() {
        assertThat(registry.put(alice)).isEmpty();
        assertThat(registry.byName("alice")).contains(alice);
    }

    @Test
    void removingAnEndpointForgetsItsNameAndAddress() {
        registry.put(alice);
        registry.put(loadgen);

        registry.remove("loadgen");

        assertThat(registry.byName("loadgen")).isEmpty();
        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5061))).isEmpty();
        assertThat(registry.all()).containsExactly(alice);
    }

    @Test
    void theAddressOfARemovedTrunkCanBeTakenByAnother() {
        registry.put(loadgen);
        registry.remove("loadgen");
        Endpoint successor = TestEndpointConfig.loadgen().name("successor").parse();

        registry.put(successor);

        assertThat(registry.bySource(new InetSocketAddress(LOOPBACK, 5061))).contains(successor);
    }

    @Test
    void removingAnUnknownNameChangesNothing() {
        registry.put(alice);

        registry.remove("nobody");

        assertThat(registry.all()).containsExactly(alice);
    }

    @Test
    void anonymousIsTheAnonymousEndpointWithTheLowestName() {
        registry.put(alice);
        assertThat(registry.anonymous()).isEmpty();

        Endpoint zulu = TestEndpointConfig.named("zulu").anonymous(true).parse();
        Endpoint guest = TestEndpointConfig.named("guest").anonymous(true).parse();
        registry.put(zulu);
        registry.put(guest);

        assertThat(registry.anonymous()).contains(guest);
    }

    @Test
    void byNameOfNullIsEmpty() {
        assertThat(registry.byName(null)).isEmpty();
    }

    @Test
    void allIsSortedByName() {
        registry.put(loadgen);
        registry.put(alice);

        assertThat(registry.all()).extracting(Endpoint::name).containsExactly("alice", "loadgen");
    }
}
