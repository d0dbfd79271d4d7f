package dev.vigil.promql.parser;

import dev.vigil.promql.ast.PositionRange;
import java.nio.charset.StandardCharsets;

/** One parse error: where (byte offsets into the query), and why (without the position prefix). */
public record ParseError(PositionRange position, String message, String query) {
    /**
     * As 2.42's {@code ParseErr.Error()}: {@code <line>:<col>: parse error: <message>}, the line and
     * the byte column (1-based, counted from the last newline) of the error's start.
     */
    public String text() {
        byte[] q = query.getBytes(StandardCharsets.UTF_8);
        int pos = position.start();
        if (pos < 0 || pos > q.length) {
            return "invalid position: parse error: " + message;
        }
        int line = 1;
        int lastLineBreak = -1;
        for (int i = 0; i < pos; i++) {
            if (q[i] == '\n') {
                lastLineBreak = i;
                line++;
            }
        }
        return line + ":" + (pos - lastLineBreak) + ": parse error: " + message;
    }
}
