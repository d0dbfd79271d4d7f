package dev.vigil.alerting.template;

/** One lexical item; {@code pos} is the byte offset in the template text, for Go's line:col. */
record Token(Kind kind, String text, int pos, int line) {
    enum Kind {
        TEXT, LEFT, RIGHT, SPACE, IDENT, FIELD, VARIABLE, STRING, RAW_STRING, CHAR, NUMBER, BOOL, NIL,
        DOT, PIPE, DECLARE, ASSIGN, COMMA, LPAREN, RPAREN, KEYWORD, EOF
    }
}
