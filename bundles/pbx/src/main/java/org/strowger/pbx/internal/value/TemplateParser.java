package org.strowger.pbx.internal.value;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compiles dialplan text into a tree of {@link Template}s. Everything that decides structure
 * (where a reference ends, how function arguments split, how an expression groups) is settled
 * here from the text as written; evaluation only fills slots, so a value can never change it.
 */
final class TemplateParser {

    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SourceCursor in;

    TemplateParser(SourceCursor in) {
        this.in = in;
    }

    /** The whole text: anything but {@code ${} and {@code $[} is literal, including a lone {@code $}. */
    Template parseAll() throws DialplanSyntaxException {
        return sequence("");
    }

    /** The {@code ${...}} or {@code $[...]} the cursor is at. */
    Template reference() throws DialplanSyntaxException {
        return in.peek(1) == '{' ? braceReference() : expression();
    }

    /** Literal text and references up to a character of {@code stopChars} (not consumed) or the end. */
    private Template sequence(String stopChars) throws DialplanSyntaxException {
        int start = in.position();
        TemplateBuilder parts = new TemplateBuilder();
        while (!in.atEnd()) {
            if (in.atReference()) {
                parts.add(reference());
            } else if (stopChars.indexOf(in.peek()) >= 0) {
                break;
            } else {
                parts.append(in.peek());
                in.advance();
            }
        }
        return parts.build(in.sliceFrom(start));
    }

    private Template braceReference() throws DialplanSyntaxException {
        int open = in.position();
        in.advance(2);
        int nameColumn = in.position();
        Template name = sequence("(:}");
        requireClosing(open);
        if (in.peek() == '(') {
            String function = functionName(name, nameColumn);
            List<Template> arguments = arguments(function);
            Substring substring = substringSuffix(open);
            return new FunctionReference(in.sliceFrom(open), function, arguments, substring);
        }
        if (name.isLiteral() && name.source().isEmpty()) {
            throw new DialplanSyntaxException("Empty variable name in \"${}\"; write ${NAME}", open);
        }
        Substring substring = substringSuffix(open);
        return new VariableReference(in.sliceFrom(open), name, substring);
    }

    private String functionName(Template name, int column) throws DialplanSyntaxException {
        if (!name.isLiteral()) {
            // A computed name would let a value choose which function runs.
            throw new DialplanSyntaxException("A function name must be written out, not computed: '"
                    + name.source() + "'", column);
        }
        if (!FUNCTION_NAME.matcher(name.source()).matches()) {
            throw new DialplanSyntaxException("'" + name.source() + "' is not a valid function name", column);
        }
        return name.source();
    }

    /** From {@code (} to just after the matching {@code )}; splits on top-level commas. */
    private List<Template> arguments(String function) throws DialplanSyntaxException {
        int paren = in.position();
        in.advance();
        if (in.peek(0) == ')') {
            in.advance();
            return List.of();
        }
        List<Template> arguments = new ArrayList<>();
        while (true) {
            arguments.add(argument(function, paren));
            if (in.atEnd()) {
                throw missingParenthesis(function, paren);
            }
            char separator = in.peek();
            in.advance();
            if (separator == ')') {
                return arguments;
            }
        }
    }

    /**
     * One argument, up to a comma or {@code )} outside nested (), [] and double quotes. Nested
     * references are parsed whole, so their own commas never count. Quotes are kept in the text.
     */
    private Template argument(String function, int paren) throws DialplanSyntaxException {
        int start = in.position();
        TemplateBuilder parts = new TemplateBuilder();
        int depth = 0;
        int quote = -1;
        while (!in.atEnd()) {
            if (in.atReference()) {
                parts.add(reference());
                continue;
            }
            char c = in.peek();
            if (quote >= 0) {
                if (c == '"') {
                    quote = -1;
                }
            } else if (c == '"') {
                quote = in.position();
            } else if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                break;
            } else if (depth == 0 && c == '}') {
                throw missingParenthesis(function, paren);
            }
            parts.append(c);
            in.advance();
        }
        if (quote >= 0) {
            throw new DialplanSyntaxException("Unclosed '\"' in the arguments of " + function
                    + "(: missing the closing quote", quote);
        }
        return parts.build(in.sliceFrom(start));
    }

    /** The optional {@code :offset[:length]} and the closing brace. */
    private Substring substringSuffix(int open) throws DialplanSyntaxException {
        requireClosing(open);
        Substring substring = Substring.WHOLE;
        if (in.peek() == ':') {
            in.advance();
            Template offset = bound("offset");
            Template length = null;
            if (!in.atEnd() && in.peek() == ':') {
                in.advance();
                length = bound("length");
            }
            if (!in.atEnd() && in.peek() == ':') {
                throw new DialplanSyntaxException(
                        "Too many ':' in a reference; write ${NAME:offset} or ${NAME:offset:length}", in.position());
            }
            substring = Substring.of(offset, length);
        }
        requireClosing(open);
        if (in.peek() != '}') {
            throw new DialplanSyntaxException("Expected ':' or '}' after the arguments, found '" + in.peek()
                    + "' in the reference opened at column " + (open + 1), in.position());
        }
        in.advance();
        return substring;
    }

    private Template bound(String what) throws DialplanSyntaxException {
        int column = in.position();
        Template bound = sequence(":}");
        if (bound.isLiteral()) {
            if (bound.source().isBlank()) {
                throw new DialplanSyntaxException("Missing substring " + what + " after ':'", column);
            }
            if (Substring.parseInteger(bound.source()) == null) {
                throw new DialplanSyntaxException("The substring " + what + " '" + bound.source()
                        + "' is not an integer", column);
            }
        }
        return bound;
    }

    private Template expression() throws DialplanSyntaxException {
        int open = in.position();
        in.advance(2);
        List<ExpressionToken> tokens = new ExpressionLexer(in, this, open).tokens();
        ExpressionParser parser = new ExpressionParser(tokens, open);
        Expression expression = parser.parse();
        return ExpressionTemplate.compile(in.sliceFrom(open), expression, parser.readsScope(), open);
    }

    private void requireClosing(int open) throws DialplanSyntaxException {
        if (in.atEnd()) {
            throw new DialplanSyntaxException("Unclosed \"${\": missing \"}\"", open);
        }
    }

    private static DialplanSyntaxException missingParenthesis(String function, int paren) {
        return new DialplanSyntaxException("Missing ')' to close the arguments of " + function + "(", paren);
    }
}
