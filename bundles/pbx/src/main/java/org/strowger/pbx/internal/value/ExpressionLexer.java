package org.strowger.pbx.internal.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strowger.pbx.internal.value.ExpressionToken.Kind;

/**
 * Splits the text of {@code $[...]} into tokens, up to and including the closing {@code ]}. A
 * nested {@code ${...}} or {@code $[...]} is parsed whole into a template and becomes (part of)
 * one operand: its value is never lexed, so it cannot add operators or operands.
 *
 * <p>Operands are words (runs of characters that are not blanks or operators; a plain {@code [...]}
 * inside a word is kept whole, brackets balanced) and double-quoted strings, which keep their quotes
 * and may contain {@code ]} and references. Adjacent pieces such as {@code ${A}1} form one operand.
 */
final class ExpressionLexer {

    /** Longest symbols first, so that "==" is not read as "=" "=". */
    private static final Map<String, Kind> SYMBOLS = new LinkedHashMap<>();

    static {
        SYMBOLS.put("||", Kind.OR);
        SYMBOLS.put("&&", Kind.AND);
        SYMBOLS.put("==", Kind.EQUAL);
        SYMBOLS.put("!=", Kind.NOT_EQUAL);
        SYMBOLS.put("<=", Kind.LESS_OR_EQUAL);
        SYMBOLS.put(">=", Kind.GREATER_OR_EQUAL);
        SYMBOLS.put("=~", Kind.MATCH_ANYWHERE);
        SYMBOLS.put("~~", Kind.CONCAT);
        SYMBOLS.put("::", Kind.DOUBLE_COLON);
        SYMBOLS.put("|", Kind.OR);
        SYMBOLS.put("&", Kind.AND);
        SYMBOLS.put("=", Kind.EQUAL);
        SYMBOLS.put("<", Kind.LESS);
        SYMBOLS.put(">", Kind.GREATER);
        SYMBOLS.put("!", Kind.NOT);
        SYMBOLS.put("+", Kind.PLUS);
        SYMBOLS.put("-", Kind.MINUS);
        SYMBOLS.put("*", Kind.TIMES);
        SYMBOLS.put("/", Kind.DIVIDE);
        SYMBOLS.put("%", Kind.MODULO);
        SYMBOLS.put("?", Kind.QUESTION);
        SYMBOLS.put(":", Kind.MATCH_START);
        SYMBOLS.put("(", Kind.OPEN);
        SYMBOLS.put(")", Kind.CLOSE);
        SYMBOLS.put(",", Kind.COMMA);
    }

    private final SourceCursor in;
    private final TemplateParser templates;
    private final int open;

    /** {@code open} is the column of the {@code $[}; the cursor is just after it. */
    ExpressionLexer(SourceCursor in, TemplateParser templates, int open) {
        this.in = in;
        this.templates = templates;
        this.open = open;
    }

    /** All tokens, the last one {@link Kind#END} for the closing bracket. */
    List<ExpressionToken> tokens() throws DialplanSyntaxException {
        List<ExpressionToken> tokens = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (in.atEnd()) {
                throw new DialplanSyntaxException("Unclosed \"$[\": missing \"]\"", open);
            }
            int column = in.position();
            String symbol = symbolAt();
            if (in.peek() == ']') {
                in.advance();
                tokens.add(new ExpressionToken(Kind.END, column, "]", null));
                return tokens;
            } else if (symbol != null) {
                in.advance(symbol.length());
                tokens.add(new ExpressionToken(SYMBOLS.get(symbol), column, symbol, null));
            } else if (in.peek() == '"') {
                tokens.add(quoted());
            } else {
                tokens.add(word());
            }
        }
    }

    private ExpressionToken quoted() throws DialplanSyntaxException {
        int start = in.position();
        TemplateBuilder parts = new TemplateBuilder();
        parts.append('"');
        in.advance();
        while (true) {
            if (in.atEnd()) {
                throw new DialplanSyntaxException("Unclosed '\"' in an expression: missing the closing quote", start);
            }
            if (in.atReference()) {
                parts.add(templates.reference());
                continue;
            }
            char c = in.peek();
            in.advance();
            parts.append(c);
            if (c == '"') {
                return operand(start, parts);
            }
        }
    }

    private ExpressionToken word() throws DialplanSyntaxException {
        int start = in.position();
        TemplateBuilder parts = new TemplateBuilder();
        int brackets = 0;
        while (!in.atEnd()) {
            if (in.atReference()) {
                parts.add(templates.reference());
                continue;
            }
            char c = in.peek();
            if (brackets == 0 && (isBlank(c) || c == '"' || c == ']' || symbolAt() != null)) {
                break;
            }
            if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            }
            parts.append(c);
            in.advance();
        }
        return operand(start, parts);
    }

    private ExpressionToken operand(int start, TemplateBuilder parts) {
        String text = in.sliceFrom(start);
        return new ExpressionToken(Kind.OPERAND, start, text, parts.build(text));
    }

    private String symbolAt() {
        for (String symbol : SYMBOLS.keySet()) {
            if (in.lookingAt(symbol)) {
                return symbol;
            }
        }
        return null;
    }

    private void skipBlanks() {
        while (!in.atEnd() && isBlank(in.peek())) {
            in.advance();
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
