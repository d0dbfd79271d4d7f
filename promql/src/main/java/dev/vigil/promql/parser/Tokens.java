package dev.vigil.promql.parser;

import dev.vigil.promql.ast.PositionRange;

/**
 * The parser's view of the lexer: one token of lookahead with comments skipped, the end of the
 * last closing token read (2.42's {@code lastClosing}, which ends calls, aggregations and
 * modified selectors), and errors built as 2.42 words them. A lexer error surfaces as soon as its
 * token is read, as in 2.42's {@code Lex}.
 */
final class Tokens {
    final String query;
    private final Lexer lexer;
    private Item peeked;
    private int lastClosing;
    /** How many aggregations are open: yacc's error rule {@code aggregate_op error} then names the context. */
    int aggregationDepth;

    Tokens(String query) {
        this.query = query;
        this.lexer = new Lexer(query);
    }

    Item peek() throws ParseException {
        if (peeked == null) {
            Item item = lexer.nextItem();
            while (item.type() == ItemType.COMMENT) {
                item = lexer.nextItem();
            }
            if (item.type() == ItemType.ERROR) {
                throw error(new PositionRange(item.pos(), query.length()), item.val());
            }
            switch (item.type()) {
                case RIGHT_BRACE, RIGHT_PAREN, RIGHT_BRACKET, DURATION, NUMBER -> lastClosing = item.end();
                default -> {
                }
            }
            peeked = item;
        }
        return peeked;
    }

    Item next() throws ParseException {
        Item item = peek();
        peeked = null;
        return item;
    }

    boolean at(ItemType type) throws ParseException {
        return peek().type() == type;
    }

    int lastClosing() {
        return lastClosing;
    }

    ParseException error(PositionRange range, String message) {
        return new ParseException(new ParseError(range, message, query));
    }

    /** 2.42's {@code unexpected(context, expected)}, about the token just read. */
    ParseException unexpected(String context, String expected) throws ParseException {
        Item item = peek();
        return unexpected(item, context, expected);
    }

    static String unexpectedText(Item item, String context, String expected) {
        return "unexpected " + item.desc() + (context.isEmpty() ? "" : " in " + context)
                + (expected.isEmpty() ? "" : ", expected " + expected);
    }

    ParseException unexpected(Item item, String context, String expected) {
        return error(item.range(), unexpectedText(item, context, expected));
    }

    /** A token no rule expects: yacc falls back to the innermost open aggregation, else to no context. */
    ParseException unexpectedHere() throws ParseException {
        return unexpected(aggregationDepth > 0 ? "aggregation" : "", "");
    }
}
