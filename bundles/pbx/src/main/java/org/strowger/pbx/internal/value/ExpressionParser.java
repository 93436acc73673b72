package org.strowger.pbx.internal.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.strowger.pbx.internal.value.ExpressionToken.Kind;

/**
 * Builds the expression tree from tokens, by recursive descent over the precedence levels of
 * Asterisk's {@code $[...]}, lowest first:
 *
 * <pre>
 * conditional := or [ '?' conditional '::' conditional ]        (right-associative)
 * or          := and { ('|' | '||') and }
 * and         := comparison { ('&amp;' | '&amp;&amp;') comparison }
 * comparison  := additive { ('=' | '==' | '!=' | '&lt;' | '&gt;' | '&lt;=' | '&gt;=') additive }
 * additive    := multiplicative { ('+' | '-') multiplicative }
 * multiplicative := unary { ('*' | '/' | '%') unary }
 * unary       := ('!' | '-') unary | match
 * match       := primary { (':' | '=~' | '~~') (unary-prefixed operand | primary) }
 * primary     := '(' conditional ')' | NAME '(' [ conditional { ',' conditional } ] ')' | operand
 * </pre>
 *
 * The comma (level 1) exists only between function arguments.
 */
final class ExpressionParser {

    @FunctionalInterface
    private interface Level {
        Expression parse() throws DialplanSyntaxException;
    }

    private static final Map<Kind, InfixOperator> COMPARISONS = Map.of(
            Kind.EQUAL, InfixOperator.EQUAL, Kind.NOT_EQUAL, InfixOperator.NOT_EQUAL,
            Kind.LESS, InfixOperator.LESS, Kind.GREATER, InfixOperator.GREATER,
            Kind.LESS_OR_EQUAL, InfixOperator.LESS_OR_EQUAL, Kind.GREATER_OR_EQUAL, InfixOperator.GREATER_OR_EQUAL);
    private static final Map<Kind, InfixOperator> ADDITIVE = Map.of(
            Kind.PLUS, InfixOperator.PLUS, Kind.MINUS, InfixOperator.MINUS);
    private static final Map<Kind, InfixOperator> MULTIPLICATIVE = Map.of(
            Kind.TIMES, InfixOperator.TIMES, Kind.DIVIDE, InfixOperator.DIVIDE, Kind.MODULO, InfixOperator.MODULO);

    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<ExpressionToken> tokens;
    private final int open;
    private int next;
    private boolean readsScope;

    /** {@code tokens} end with {@link Kind#END}; {@code open} is the column of the {@code $[}. */
    ExpressionParser(List<ExpressionToken> tokens, int open) {
        this.tokens = tokens;
        this.open = open;
    }

    Expression parse() throws DialplanSyntaxException {
        if (peek().kind() == Kind.END) {
            throw new DialplanSyntaxException("Empty expression \"$[]\"", open);
        }
        Expression expression = conditional();
        ExpressionToken extra = peek();
        if (extra.kind() != Kind.END) {
            throw new DialplanSyntaxException(whyUnexpected(extra), extra.column());
        }
        return expression;
    }

    /** True once the tree contains a reference or a dialplan function call (known after {@link #parse()}). */
    boolean readsScope() {
        return readsScope;
    }

    private Expression conditional() throws DialplanSyntaxException {
        Expression condition = or();
        if (peek().kind() != Kind.QUESTION) {
            return condition;
        }
        ExpressionToken question = take();
        Expression then = conditional();
        expect(Kind.DOUBLE_COLON, "Missing '::' in the conditional started by '?' at column " + (question.column() + 1));
        Expression otherwise = conditional();
        return new ConditionalExpression(condition, then, otherwise);
    }

    private Expression or() throws DialplanSyntaxException {
        Expression left = and();
        while (peek().kind() == Kind.OR) {
            take();
            left = ShortCircuitExpression.or(left, and());
        }
        return left;
    }

    private Expression and() throws DialplanSyntaxException {
        Expression left = comparison();
        while (peek().kind() == Kind.AND) {
            take();
            left = ShortCircuitExpression.and(left, comparison());
        }
        return left;
    }

    private Expression comparison() throws DialplanSyntaxException {
        return leftAssociative(this::additive, COMPARISONS);
    }

    private Expression additive() throws DialplanSyntaxException {
        return leftAssociative(this::multiplicative, ADDITIVE);
    }

    private Expression multiplicative() throws DialplanSyntaxException {
        return leftAssociative(this::unary, MULTIPLICATIVE);
    }

    private Expression leftAssociative(Level operand, Map<Kind, InfixOperator> operators)
            throws DialplanSyntaxException {
        Expression left = operand.parse();
        while (operators.containsKey(peek().kind())) {
            InfixOperator operator = operators.get(take().kind());
            left = new InfixExpression(left, operator, operand.parse());
        }
        return left;
    }

    private Expression unary() throws DialplanSyntaxException {
        Kind kind = peek().kind();
        if (kind == Kind.NOT || kind == Kind.MINUS) {
            take();
            Expression operand = unary();
            return kind == Kind.NOT ? UnaryExpression.not(operand) : UnaryExpression.negate(operand);
        }
        return match();
    }

    private Expression match() throws DialplanSyntaxException {
        Expression left = primary();
        while (true) {
            Kind kind = peek().kind();
            if (kind != Kind.MATCH_START && kind != Kind.MATCH_ANYWHERE && kind != Kind.CONCAT) {
                return left;
            }
            take();
            int column = peek().column();
            // As in a yacc grammar, an operator may be followed by a prefixed operand: a : -1.
            Expression right = peek().kind() == Kind.NOT || peek().kind() == Kind.MINUS ? unary() : primary();
            left = kind == Kind.CONCAT
                    ? new InfixExpression(left, InfixOperator.CONCAT, right)
                    : RegexExpression.of(left, right, kind == Kind.MATCH_START, column);
        }
    }

    private Expression primary() throws DialplanSyntaxException {
        ExpressionToken token = take();
        switch (token.kind()) {
            case OPEN: {
                Expression inner = conditional();
                expect(Kind.CLOSE, "Missing ')' to close '(' at column " + (token.column() + 1));
                return inner;
            }
            case OPERAND:
                if (peek().kind() == Kind.OPEN && token.operand().isLiteral()
                        && FUNCTION_NAME.matcher(token.text()).matches()) {
                    return call(token);
                }
                if (!token.operand().isLiteral()) {
                    readsScope = true;
                }
                return new OperandExpression(token.operand());
            default:
                String after = next >= 2 ? " after " + tokens.get(next - 2).describe() : "";
                throw new DialplanSyntaxException("Expected an operand" + after + ", found " + token.describe(),
                        token.column());
        }
    }

    private Expression call(ExpressionToken nameToken) throws DialplanSyntaxException {
        String name = nameToken.text();
        ExpressionToken paren = take();
        List<Expression> arguments = new ArrayList<>();
        if (peek().kind() == Kind.CLOSE) {
            take();
        } else {
            arguments.add(conditional());
            while (peek().kind() == Kind.COMMA) {
                take();
                arguments.add(conditional());
            }
            expect(Kind.CLOSE, "Missing ')' to close the arguments of " + name + "( at column " + (paren.column() + 1));
        }
        Optional<MathFunction> builtIn = MathFunction.named(name);
        if (builtIn.isPresent() && builtIn.get().arity() != arguments.size()) {
            throw new DialplanSyntaxException(name + "() takes " + builtIn.get().arity() + " argument"
                    + (builtIn.get().arity() == 1 ? "" : "s") + ", not " + arguments.size(), nameToken.column());
        }
        if (builtIn.isEmpty()) {
            readsScope = true;
        }
        return new FunctionCallExpression(name, arguments, builtIn.orElse(null));
    }

    private static String whyUnexpected(ExpressionToken token) {
        switch (token.kind()) {
            case COMMA:
                return "',' only separates function arguments";
            case CLOSE:
                return "Unmatched ')'";
            case DOUBLE_COLON:
                return "'::' without a '?' before it";
            case OPERAND:
            case OPEN:
                return "Expected an operator before " + token.describe();
            default:
                return "Unexpected " + token.describe();
        }
    }

    private void expect(Kind kind, String message) throws DialplanSyntaxException {
        ExpressionToken token = peek();
        if (token.kind() != kind) {
            throw new DialplanSyntaxException(message + ", found " + token.describe(), token.column());
        }
        take();
    }

    private ExpressionToken peek() {
        return tokens.get(Math.min(next, tokens.size() - 1));
    }

    private ExpressionToken take() {
        ExpressionToken token = peek();
        next++;
        return token;
    }
}
