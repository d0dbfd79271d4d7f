package dev.vigil.promql.parser;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.storage.index.Matcher;
import java.util.List;

/** Entry points: an expression, and a series selector such as the HTTP API's {@code match[]}. */
public final class Parser {
    private Parser() {
    }

    /**
     * Parses and type-checks a PromQL expression, as 2.42's {@code parser.ParseExpr}. The parser
     * recurses once per nesting level; a query nested deeper than the thread's stack allows (Go's
     * stacks grow, ours do not: some ten thousand parentheses) is a parse error, not an Error.
     */
    public static Expr parseExpr(String query) throws ParseException {
        try {
            Tokens tokens = new Tokens(query);
            Expr expr = new ExprParser(tokens).query();
            return new Checker(tokens).check(expr);
        } catch (StackOverflowError e) {
            throw tooDeep(query);
        }
    }

    private static ParseException tooDeep(String query) {
        return new ParseException(new ParseError(new PositionRange(0, query.length()), "expression nested too deeply", query));
    }

    /**
     * A selector such as {@code up{job="x"}}: its matchers, a given name last as {@code __name__}.
     * As 2.42's {@code ParseMetricSelector}: no type checks, so {@code {}} is accepted here.
     */
    public static List<Matcher> parseMetricSelector(String selector) throws ParseException {
        Tokens t = new Tokens(selector);
        Selectors selectors = new Selectors(t);
        VectorSelector vs;
        Item first = t.peek();
        if (first.type() == ItemType.LEFT_BRACE) {
            vs = selectors.selector(null);
        } else if (Selectors.METRIC_NAMES.contains(first.type())) {
            vs = selectors.selector(t.next());
        } else {
            throw t.unexpectedHere();
        }
        if (!t.at(ItemType.EOF)) {
            throw t.unexpectedHere();
        }
        return vs.matchers();
    }
}
