package dev.vigil.promql.parser;

import dev.vigil.promql.ast.Expr;
import dev.vigil.storage.index.Matcher;
import java.util.List;

/** Entry points: an expression, a series selector, a test script's series description. */
public final class Parser {
    private Parser() {
    }

    /** Parses and type-checks a PromQL expression. */
    public static Expr parseExpr(String query) throws ParseException {
        throw new UnsupportedOperationException("parser: not yet written");
    }

    /** A {@code match[]} selector such as {@code up{job="x"}}: its matchers (with {@code __name__}). */
    public static List<Matcher> parseMetricSelector(String selector) throws ParseException {
        throw new UnsupportedOperationException("parser: not yet written");
    }
}
