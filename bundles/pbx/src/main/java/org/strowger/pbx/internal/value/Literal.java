package org.strowger.pbx.internal.value;

/** Text kept exactly as written. */
record Literal(String text) implements Template {

    @Override
    public String evaluate(Scope scope) {
        return text;
    }

    @Override
    public boolean isLiteral() {
        return true;
    }

    @Override
    public String source() {
        return text;
    }
}
