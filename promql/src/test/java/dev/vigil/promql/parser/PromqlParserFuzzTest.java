package dev.vigil.promql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Printer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzz targets (Jazzer) for the PromQL parser, never the engine. Any query either
 * fails with a {@link ParseException} whose message carries Prometheus' {@code line:column:}
 * prefix, or gives an expression whose printed form is a fixed point: it parses again, prints the
 * same, and its prettified form parses to the same print. A plain {@code mvn test} replays the
 * seeds (queries from our parser tests) and found cases in {@code PromqlParserFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz.sh).
 */
class PromqlParserFuzzTest {
    private static final Pattern POSITIONED = Pattern.compile("^\\d+:\\d+: parse error: .+", Pattern.DOTALL);

    @FuzzTest
    void parseExpr(byte[] input) {
        String query = new String(input, StandardCharsets.UTF_8);
        Expr expr;
        try {
            expr = Parser.parseExpr(query);
        } catch (ParseException e) {
            assertPositioned(e, query);
            return;
        }
        String printed = Printer.print(expr);
        String reprinted = reparse(printed, "printed form of " + query);
        assertEquals(unaryPlusFolded(printed), unaryPlusFolded(reprinted), () -> "printing is not a fixed point for " + query);
        String pretty = Printer.prettify(expr);
        assertEquals(unaryPlusFolded(printed), unaryPlusFolded(reparse(pretty, "prettified form of " + query)),
                () -> "prettified form parses to another expression: " + pretty);
    }

    /**
     * 2.42's printer writes a positive infinite literal as {@code +Inf}, so {@code Inf ^ x} prints
     * as {@code +Inf ^ x}, which parses back as unary plus applied to the whole power (the same
     * value) and prints as {@code ++Inf ^ x}, one more plus each round. Those stacked pluses are
     * not counted as a difference; anything else is.
     */
    private static String unaryPlusFolded(String printed) {
        return printed.replaceAll("\\++(?=\\+Inf)", "");
    }

    /** The HTTP API's {@code match[]}: matchers (at most one per input byte), or a positioned error. */
    @FuzzTest
    void parseMetricSelector(byte[] input) {
        String selector = new String(input, StandardCharsets.UTF_8);
        try {
            // {} is accepted here, as by 2.42's ParseMetricSelector (the API refuses it later)
            assertTrue(Parser.parseMetricSelector(selector).size() <= input.length, selector);
        } catch (ParseException e) {
            assertPositioned(e, selector);
        }
    }

    private static String reparse(String text, String what) {
        try {
            return Printer.print(Parser.parseExpr(text));
        } catch (ParseException e) {
            throw new AssertionError(what + " does not parse: " + text + "\n" + e.getMessage(), e);
        }
    }

    private static void assertPositioned(ParseException e, String query) {
        assertTrue(POSITIONED.matcher(e.getMessage()).matches(), () -> "no line:column in \"" + e.getMessage() + "\" for " + query);
        assertFalse(e.errors().isEmpty());
        int length = query.getBytes(StandardCharsets.UTF_8).length;
        for (ParseError error : e.errors()) {
            assertTrue(error.position().start() >= 0 && error.position().start() <= length,
                    () -> "position " + error.position() + " outside the query (" + length + " bytes): " + e.getMessage());
        }
    }
}
