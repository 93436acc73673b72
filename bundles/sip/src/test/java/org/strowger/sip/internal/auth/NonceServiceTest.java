package org.strowger.sip.internal.auth;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NonceServiceTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final NonceService service = service(KEY, "strowger");

    private NonceService service(byte[] key, String realm) {
        return new NonceService(clock, key, LIFETIME, realm, new SecureRandom());
    }

    @Test
    void freshNonceIsValid() {
        assertThat(service.check(service.newNonce())).isEqualTo(NonceCheck.VALID);
    }

    @Test
    void nonceIsValidForItsWholeLifetimeThenStale() {
        String nonce = service.newNonce();

        clock.advance(LIFETIME);
        assertThat(service.check(nonce)).isEqualTo(NonceCheck.VALID);

        clock.advance(Duration.ofMillis(1));
        assertThat(service.check(nonce)).isEqualTo(NonceCheck.STALE);

        clock.advance(Duration.ofDays(365));
        assertThat(service.check(nonce)).isEqualTo(NonceCheck.STALE);
    }

    @Test
    void clockSteppingBackDoesNotInvalidateGenuineNonces() {
        String nonce = service.newNonce();
        clock.advance(Duration.ofMinutes(-10));
        assertThat(service.check(nonce)).isEqualTo(NonceCheck.VALID);
    }

    @Test
    void nonceFromAnotherKeyIsInvalid() {
        byte[] otherKey = "another-secret-key-of-32-bytes!!".getBytes();
        String foreign = service(otherKey, "strowger").newNonce();

        assertThat(service.check(foreign)).isEqualTo(NonceCheck.INVALID);
    }

    @Test
    void nonceForAnotherRealmIsInvalid() {
        String foreign = service(KEY, "elsewhere").newNonce();

        assertThat(service.check(foreign)).isEqualTo(NonceCheck.INVALID);
    }

    @Test
    void anyChangedCharacterMakesItInvalid() {
        String nonce = service.newNonce();
        for (int i = 0; i < nonce.length(); i++) {
            char replacement = nonce.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = nonce.substring(0, i) + replacement + nonce.substring(i + 1);
            assertThat(service.check(tampered)).as("changed at %d", i).isEqualTo(NonceCheck.INVALID);
        }
    }

    @Test
    void expiredNonceWithRewrittenTimestampIsInvalidNotValid() {
        // the timestamp is the first 8 bytes (first 10 base64 characters hold them and more)
        String nonce = service.newNonce();
        clock.advance(LIFETIME.multipliedBy(2));
        String fresher = service.newNonce();
        String spliced = fresher.substring(0, 10) + nonce.substring(10);

        assertThat(service.check(spliced)).isEqualTo(NonceCheck.INVALID);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "", "abc", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/"
    })
    void garbageIsInvalid(String nonce) {
        assertThat(service.check(nonce)).isEqualTo(NonceCheck.INVALID);
    }

    @Test
    void noncesAreUniqueEvenWithinOneMillisecond() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            nonces.add(service.newNonce());
        }
        assertThat(nonces).hasSize(1000);
    }

    @Test
    void noncesNeedNoQuotingOrEscaping() {
        assertThat(service.newNonce()).matches("[A-Za-z0-9_-]{64}");
    }

    @Test
    void createdServiceUsesARandomKey() {
        NonceService one = NonceService.create(clock, "strowger");
        NonceService two = NonceService.create(clock, "strowger");

        assertThat(one.check(one.newNonce())).isEqualTo(NonceCheck.VALID);
        assertThat(two.check(one.newNonce())).isEqualTo(NonceCheck.INVALID);
    }

    @Test
    void refusesWeakSettings() {
        SecureRandom random = new SecureRandom();
        assertThatThrownBy(() -> new NonceService(clock, new byte[8], LIFETIME, "r", random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonceService(clock, KEY, Duration.ZERO, "r", random))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
