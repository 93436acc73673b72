package org.strowger.pbx.internal.value;

/** Compiles dialplan text into {@link Template}s. */
public final class Templates {

    private Templates() {
    }

    /**
     * Compiles {@code text}.
     *
     * @throws DialplanSyntaxException for an unclosed {@code ${} or {@code $[}, a malformed
     *         substring, or a malformed expression
     */
    public static Template compile(String text) throws DialplanSyntaxException {
        throw new UnsupportedOperationException("to be written");
    }
}
