package dev.vigil.promql.parser;

import dev.vigil.promql.ast.PositionRange;
import java.nio.charset.StandardCharsets;

/** One token: its kind, its byte offset in the query, and its text as written. */
record Item(ItemType type, int pos, String val) {
    /** Byte length of the text, so ranges stay in bytes as Prometheus counts them. */
    int end() {
        return pos + val.getBytes(StandardCharsets.UTF_8).length;
    }

    PositionRange range() {
        return new PositionRange(pos, end());
    }

    /** As lex.go's {@code Item.String()}: how the token reads inside an error message. */
    @Override
    public String toString() {
        if (type == ItemType.EOF) {
            return "EOF";
        }
        if (type == ItemType.ERROR) {
            return val;
        }
        if (type == ItemType.IDENTIFIER || type == ItemType.METRIC_IDENTIFIER) {
            return GoText.quote(val);
        }
        return switch (type.group) {
            case KEYWORD -> "<" + val + ">";
            case OPERATOR -> "<op:" + val + ">";
            case AGGREGATOR -> "<aggr:" + val + ">";
            default -> val.getBytes(StandardCharsets.UTF_8).length > 10
                    ? GoText.quote(GoText.firstRunes(val, 10)) + "..." : GoText.quote(val);
        };
    }

    /** As lex.go's {@code desc()}: {@code <op:+>}, {@code identifier "foo"}, {@code end of input}. */
    String desc() {
        if (type == ItemType.AT) {
            // 2.42's ItemTypeStr lacks "@", so its desc falls back to Go's name for the token number.
            return "\"<Item 57385>\" " + this;
        }
        if (type.text != null) {
            return toString();
        }
        if (type == ItemType.EOF) {
            return type.descName();
        }
        return type.descName() + " " + this;
    }
}
