package org.strowger.pbx.internal.value;

/**
 * {@code ${NAME}} or {@code ${NAME:offset:length}}. The name may itself be a template
 * ({@code ${A${B}}}); whatever it evaluates to is only ever looked up as a variable name, so a
 * computed name containing {@code (} or {@code :} cannot turn into a function call or substring.
 */
record VariableReference(String source, Template name, Substring substring) implements Template {

    @Override
    public String evaluate(Scope scope) {
        String variable = name.evaluate(scope);
        String value = variable.isEmpty() ? "" : scope.variable(variable).orElse("");
        return substring.apply(value, scope, source);
    }

    @Override
    public boolean isLiteral() {
        return false;
    }
}
