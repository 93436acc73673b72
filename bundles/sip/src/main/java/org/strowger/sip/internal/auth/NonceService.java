package org.strowger.sip.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks stateless nonces for one realm, so that no state is kept per challenge.
 *
 * <p>A nonce is base64url(timestamp, salt, HMAC-SHA256(key, timestamp + salt + realm)). The
 * random salt makes every nonce unique even within one millisecond, which the nonce-count
 * replay check relies on (two clients must never share a nonce). The key lives only in memory,
 * so nonces issued before a restart come back {@link NonceCheck#INVALID}.
 */
public final class NonceService implements NonceChecker {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final int MIN_KEY_BYTES = 16;
    private static final int TIMESTAMP_BYTES = Long.BYTES;
    private static final int SALT_BYTES = 8;
    private static final int MAC_BYTES = 32;
    private static final int NONCE_BYTES = TIMESTAMP_BYTES + SALT_BYTES + MAC_BYTES;
    private static final int NONCE_CHARS = (NONCE_BYTES * 4 + 2) / 3;

    private final Clock clock;
    private final SecretKeySpec key;
    private final long lifetimeMillis;
    private final byte[] realm;
    private final SecureRandom random;

    /**
     * @param secretKey at least 16 random bytes; copied
     * @param random source of the per-nonce salt
     */
    public NonceService(Clock clock, byte[] secretKey, Duration lifetime, String realm, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a nonce key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("nonce lifetime must be positive: " + lifetime);
        }
        this.key = new SecretKeySpec(secretKey.clone(), MAC_ALGORITHM);
        this.lifetimeMillis = lifetime.toMillis();
        this.realm = Objects.requireNonNull(realm, "realm").getBytes(StandardCharsets.UTF_8);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A service with a fresh random key and the default five-minute lifetime. */
    public static NonceService create(Clock clock, String realm) {
        return create(clock, realm, DEFAULT_LIFETIME);
    }

    /** A service with a fresh random key. */
    public static NonceService create(Clock clock, String realm, Duration lifetime) {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new NonceService(clock, key, lifetime, realm, random);
    }

    /** A new nonce, valid from now for the configured lifetime. */
    public String newNonce() {
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES);
        nonce.putLong(clock.millis());
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        nonce.put(salt);
        nonce.put(mac(nonce.array(), TIMESTAMP_BYTES + SALT_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    @Override
    public NonceCheck check(String nonce) {
        // the length test comes first so garbage of any size costs no decoding
        if (nonce == null || nonce.length() != NONCE_CHARS) {
            return NonceCheck.INVALID;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException notBase64) {
            return NonceCheck.INVALID;
        }
        if (bytes.length != NONCE_BYTES) {
            return NonceCheck.INVALID;
        }
        byte[] expected = mac(bytes, TIMESTAMP_BYTES + SALT_BYTES);
        byte[] presented = Arrays.copyOfRange(bytes, TIMESTAMP_BYTES + SALT_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(expected, presented)) {
            return NonceCheck.INVALID;
        }
        long issued = ByteBuffer.wrap(bytes).getLong();
        // a clock stepped backwards makes the age negative: still genuine, so still valid
        return clock.millis() - issued > lifetimeMillis ? NonceCheck.STALE : NonceCheck.VALID;
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM); // Mac is not thread-safe: one per call
            mac.init(key);
            mac.update(data, 0, length);
            mac.update(realm);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is mandatory on Java SE and the key is a plain byte key
            throw new IllegalStateException("cannot compute " + MAC_ALGORITHM, e);
        }
    }
}
