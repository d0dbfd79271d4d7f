package dev.vigil.alerting.template;

import java.util.List;

/**
 * A mismatch Go's reflection reports itself, before calling the function, so the message is not
 * wrapped in {@code error calling name:} ({@code wrong number of args for x: want 1 got 2}).
 */
public final class ArgError extends RuntimeException {
    public ArgError(String message) {
        super(message);
    }

    public static void count(String name, List<Object> args, int want) {
        if (args.size() != want) {
            throw new ArgError("wrong number of args for " + name + ": want " + want + " got " + args.size());
        }
    }

    /** A {@code string} parameter: Go accepts only a string (or template.HTML, a string type). */
    public static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof SafeHtml h) {
            return h.html();
        }
        throw new ArgError("wrong type for value; expected string; got " + GoFmt.typeName(v));
    }

    /** A {@code float64} parameter: untyped int constants convert, as Go converts them. */
    public static double float64(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new ArgError("wrong type for value; expected float64; got " + GoFmt.typeName(v));
    }
}
