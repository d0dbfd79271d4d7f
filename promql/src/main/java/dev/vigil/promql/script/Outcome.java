package dev.vigil.promql.script;

/**
 * What became of one eval (or of a load that could not be applied): the script, the line, the
 * expression, and null when it passed or why it failed.
 */
public record Outcome(String script, int line, String expr, String failure) {
    public boolean passed() {
        return failure == null;
    }

    /** {@code file:line: message}, the form the command prints. */
    public String describe() {
        return script + ":" + line + ": " + (passed() ? "ok" : failure);
    }
}
