package org.strowger.sip.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** The digest algorithms we offer and accept, with their header tokens and hashing. */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String javaName;

    DigestAlgorithm(String token, String javaName) {
        this.token = token;
        this.javaName = javaName;
    }

    /** The value of the {@code algorithm} parameter, e.g. {@code SHA-256}. */
    public String token() {
        return token;
    }

    /** The hash of the UTF-8 bytes of {@code input}, as lower-case hex (RFC 7616 §3.4). */
    public String hashHex(String input) {
        return HexFormat.of().formatHex(newDigest().digest(input.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The algorithm named by an {@code algorithm} parameter; matched without regard to case
     * because some clients send {@code md5}.
     */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String wanted = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            // every Java SE platform must provide MD5 and SHA-256
            throw new IllegalStateException(javaName + " is missing from this Java runtime", e);
        }
    }
}
