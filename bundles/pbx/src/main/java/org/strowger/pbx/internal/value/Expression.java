package org.strowger.pbx.internal.value;

/** A node of a compiled {@code $[...]} expression; every node evaluates to one operand string. */
@FunctionalInterface
interface Expression {

    String evaluate(Scope scope);
}
