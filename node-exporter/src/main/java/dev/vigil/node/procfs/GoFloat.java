package dev.vigil.node.procfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.OptionalDouble;

/** Go's {@code strconv.ParseFloat(s, 64)} for the decimal forms kernel files use, as an exception-throwing call. */
public final class GoFloat {
    private GoFloat() {
    }

    /**
     * Parses {@code text} by {@link GoStrconv#parseFloat}'s rules: an optional sign, digits (with
     * Go's separating underscores) with an optional point and exponent, or {@code inf}/{@code
     * infinity}/{@code nan} in any case. No surrounding spaces, no Java type suffixes, no hexadecimal.
     *
     * @throws NumberFormatException for anything else
     */
    public static double parse(String text) {
        OptionalDouble value = GoStrconv.parseFloat(text);
        if (value.isEmpty()) {
            throw new NumberFormatException("invalid syntax: \"" + text + "\"");
        }
        return value.getAsDouble();
    }
}
