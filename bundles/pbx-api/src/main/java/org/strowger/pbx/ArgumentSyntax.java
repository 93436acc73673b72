package org.strowger.pbx;

import java.util.Arrays;
import java.util.Objects;

/**
 * How an application's data splits into arguments. The split happens once, when the dialplan
 * is loaded, on the text as written; values substituted at run time fill their slots and can
 * never add an argument, a list item or an option.
 *
 * <ul>
 * <li>{@link #arguments(char...)}: comma-separated arguments (commas inside {@code ()},
 * {@code []} and double quotes do not split; quotes are removed; {@code \x} is a literal x);
 * argument {@code i} may further be a list split on {@code listSeparators[i]} (Dial's
 * {@code &}).</li>
 * <li>{@link #assignment()}: {@code name=value}, split on the first {@code =} only (Set).</li>
 * <li>{@link #condition()}: {@code condition?[then][:else]}, each branch comma-separated
 * (GotoIf, GosubIf).</li>
 * <li>{@link #subroutine()}: {@code [[context,]extension,]priority[(arg1,...)]}: list 0 is the
 * destination, list 1 the subroutine's arguments (Gosub).</li>
 * <li>{@link #conditionalSubroutine()}: {@code condition?[sub][:sub]}, each branch split like
 * {@link #subroutine()}: lists 1 and 2 are the "then" destination and arguments, 3 and 4 the
 * "else" ones (GosubIf).</li>
 * <li>{@link #whole()}: the whole data as one argument (NoOp, Verbose's message).</li>
 * </ul>
 */
public final class ArgumentSyntax {

    /** The kinds of split. */
    public enum Kind { ARGUMENTS, ASSIGNMENT, CONDITION, SUBROUTINE, CONDITIONAL_SUBROUTINE, WHOLE }

    private static final char NO_LIST = 0;

    private final Kind kind;
    private final char[] listSeparators;

    private ArgumentSyntax(Kind kind, char[] listSeparators) {
        this.kind = kind;
        this.listSeparators = listSeparators;
    }

    /**
     * Comma-separated arguments; {@code listSeparators[i]}, when not {@code 0}, splits
     * argument {@code i} into a list (for example {@code arguments('&')} for Dial).
     */
    public static ArgumentSyntax arguments(char... listSeparators) {
        return new ArgumentSyntax(Kind.ARGUMENTS, listSeparators.clone());
    }

    public static ArgumentSyntax assignment() {
        return new ArgumentSyntax(Kind.ASSIGNMENT, new char[0]);
    }

    public static ArgumentSyntax condition() {
        return new ArgumentSyntax(Kind.CONDITION, new char[0]);
    }

    public static ArgumentSyntax subroutine() {
        return new ArgumentSyntax(Kind.SUBROUTINE, new char[0]);
    }

    public static ArgumentSyntax conditionalSubroutine() {
        return new ArgumentSyntax(Kind.CONDITIONAL_SUBROUTINE, new char[0]);
    }

    public static ArgumentSyntax whole() {
        return new ArgumentSyntax(Kind.WHOLE, new char[0]);
    }

    public Kind kind() {
        return kind;
    }

    /** The separator that makes argument {@code index} a list, or {@code 0} for a plain argument. */
    public char listSeparator(int index) {
        return index < listSeparators.length ? listSeparators[index] : NO_LIST;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArgumentSyntax that && kind == that.kind
                && Arrays.equals(listSeparators, that.listSeparators);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(listSeparators));
    }
}
