package dev.vigil.promql.script;

/** A script or series description that does not parse; {@link #line()} is 1-based, 0 when unknown. */
public final class ScriptSyntaxException extends Exception {
    private final int line;
    private final String reason;

    public ScriptSyntaxException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    /** The message without the line. */
    public String reason() {
        return reason;
    }

    /** The same error placed on a script line (a series description does not know its line). */
    ScriptSyntaxException atLine(int scriptLine) {
        return new ScriptSyntaxException(scriptLine, reason);
    }
}
