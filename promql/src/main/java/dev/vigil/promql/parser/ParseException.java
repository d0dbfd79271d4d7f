package dev.vigil.promql.parser;

import java.util.List;

/**
 * A query that does not parse. {@link #getMessage()} is Prometheus' text, e.g.
 * {@code 1:5: parse error: unexpected end of input}. Like 2.42's {@code ParseErrors.Error()}, the
 * message is the first error's alone; our parser stops at that first error, so the list holds one.
 */
public final class ParseException extends Exception {
    private final List<ParseError> errors;

    public ParseException(List<ParseError> errors, String message) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** One error, its message as {@link ParseError#text()}. */
    public ParseException(ParseError error) {
        this(List.of(error), error.text());
    }

    public List<ParseError> errors() {
        return errors;
    }
}
