package dev.vigil.promql.parser;

import java.util.List;

/**
 * A query that does not parse. {@link #getMessage()} is Prometheus' text, e.g.
 * {@code 1:5: parse error: unexpected end of input}; several errors are joined by {@code ; }.
 */
public final class ParseException extends Exception {
    private final List<ParseError> errors;

    public ParseException(List<ParseError> errors, String message) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<ParseError> errors() {
        return errors;
    }
}
