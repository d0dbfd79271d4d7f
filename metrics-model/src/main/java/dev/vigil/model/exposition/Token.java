package dev.vigil.model.exposition;

/** The tokens of Prometheus' exposition lexers; their names appear in its error messages. */
enum Token {
    INVALID, EOF, LINEBREAK, WHITESPACE, HELP, TYPE, UNIT, EOF_WORD, TEXT, COMMENT, BLANK, MNAME,
    BRACE_OPEN, BRACE_CLOSE, LNAME, LVALUE, COMMA, EQUAL, TIMESTAMP, VALUE;

    /** Go's {@code %q} of the token, as in {@code expected equal, got "INVALID"}. */
    String quoted() {
        return "\"" + name() + "\"";
    }
}
