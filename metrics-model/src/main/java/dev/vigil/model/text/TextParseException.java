package dev.vigil.model.text;

/** A text exposition that does not parse: the 1-based line and what is wrong with it. */
public final class TextParseException extends Exception {
    private final int line;

    public TextParseException(int line, String reason) {
        super("text format parsing error in line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
