package dev.vigil.promql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Printer;
import dev.vigil.promql.ast.UnaryExpr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tree's shape, which the printer hides (it adds no parentheses): 2.42's precedence, {@code ^}
 * to the right, the unary sign binding like {@code *} and folding into numbers, modifiers tightest.
 */
class PrecedenceTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a - b - c | ((a - b) - c)",
        "a ^ b ^ c | (a ^ (b ^ c))",
        "a / b * c % d | (((a / b) * c) % d)",
        "a + b * c | (a + (b * c))",
        "a or b and c unless d | (a or ((b and c) unless d))",
        "a == bool b + c | (a == bool (b + c))",
        "a > b < c | ((a > b) < c)",
        "-1 ^ 2 | -((1 ^ 2))",
        "-a ^ b | -((a ^ b))",
        "-a * b | (-(a) * b)",
        "-1 * 2 | (-1 * 2)",
        "--1 | 1",
        "- -a | -(-(a))",
        "a ^ -b ^ c | (a ^ -((b ^ c)))",
        "a + b offset 5m | (a + b offset 5m)",
        "-a offset 5m * b | (-(a offset 5m) * b)",
        "a atan2 b ^ c | (a atan2 (b ^ c))",
        "1 + 2 * 3 ^ 4 ^ 5 | (1 + (2 * (3 ^ (4 ^ 5))))",
    })
    void shape(String query, String expected) throws ParseException {
        assertEquals(expected, shape(Parser.parseExpr(query)));
    }

    /** The tree with every binary node in parentheses and every unary operand too. */
    private static String shape(Expr e) {
        return switch (e) {
            case BinaryExpr b -> "(" + shape(b.lhs()) + " " + b.op().text() + (b.returnBool() ? " bool " : " ")
                    + shape(b.rhs()) + ")";
            case UnaryExpr u -> u.op().text() + "(" + shape(u.expr()) + ")";
            default -> Printer.print(e);
        };
    }
}
