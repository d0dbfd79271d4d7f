package dev.vigil.promql.ast;

import dev.vigil.storage.index.Matcher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a syntax tree back into PromQL, spelled as Prometheus 2.42's {@code String()} methods
 * (printer.go) spell it, and, in {@link #prettify}, laid out as its {@code Prettify} (prettier.go)
 * lays it out for {@code /api/v1/format_query}. Also Go's text forms the spelling relies on:
 * {@code %q} quoting, {@code %v} of a float64 and {@code model.Duration}.
 */
public final class Printer {
    /** prettier.go's line width: a node whose one-line form is longer is split. */
    private static final int MAX_LINE = 100;
    private static final String INDENT = "  ";

    private Printer() {
    }

    /** The expression on one line, as {@code expr.String()} in Prometheus. */
    public static String print(Expr expr) {
        return switch (expr) {
            case AggregateExpr a -> aggregatePrefix(a) + "(" + (a.op().hasParam() ? print(a.param()) + ", " : "")
                    + print(a.expr()) + ")";
            case BinaryExpr b -> print(b.lhs()) + " " + b.op().text() + (b.returnBool() ? " bool" : "")
                    + matching(b.matching()) + " " + print(b.rhs());
            case Call c -> c.function().name() + "(" + String.join(", ", c.args().stream().map(Printer::print)
                    .toList()) + ")";
            case MatrixSelector m -> selector(m.vectorSelector(), false) + "[" + formatDuration(m.range()) + "]"
                    + at(m.vectorSelector().timestamp(), m.vectorSelector().startOrEnd())
                    + offset(m.vectorSelector().originalOffset());
            case NumberLiteral n -> formatFloat(n.value());
            case ParenExpr p -> "(" + print(p.expr()) + ")";
            case StepInvariantExpr s -> print(s.expr());
            case StringLiteral s -> quote(s.value());
            case SubqueryExpr s -> print(s.expr()) + subquerySuffix(s);
            case UnaryExpr u -> u.op().text() + print(u.expr());
            case VectorSelector v -> selector(v, true);
        };
    }

    /** {@code sum by (a, b) }, {@code sum without () }, or just {@code sum}. */
    private static String aggregatePrefix(AggregateExpr a) {
        if (a.without()) {
            return a.op().text() + " without (" + String.join(", ", a.grouping()) + ") ";
        }
        if (!a.grouping().isEmpty()) {
            return a.op().text() + " by (" + String.join(", ", a.grouping()) + ") ";
        }
        return a.op().text();
    }

    /** 2.42 prints matching only when it names labels or says {@code on}; group_x only then too. */
    private static String matching(VectorMatching vm) {
        if (vm == null || (vm.matchingLabels().isEmpty() && !vm.on())) {
            return "";
        }
        String s = (vm.on() ? " on (" : " ignoring (") + String.join(", ", vm.matchingLabels()) + ")";
        if (vm.card() == VectorMatching.Cardinality.MANY_TO_ONE) {
            s += " group_left (" + String.join(", ", vm.include()) + ")";
        } else if (vm.card() == VectorMatching.Cardinality.ONE_TO_MANY) {
            s += " group_right (" + String.join(", ", vm.include()) + ")";
        }
        return s;
    }

    private static String subquerySuffix(SubqueryExpr s) {
        return "[" + formatDuration(s.range()) + ":" + (s.step() != 0 ? formatDuration(s.step()) : "") + "]"
                + at(s.timestamp(), s.startOrEnd()) + offset(s.originalOffset());
    }

    /** Name, then the other matchers sorted as text; {@code modifiers} false inside a range selector. */
    private static String selector(VectorSelector v, boolean modifiers) {
        List<String> labels = new ArrayList<>();
        for (Matcher m : v.matchers()) {
            if (m.name().equals("__name__") && m.type() == Matcher.Type.EQUAL && m.value().equals(v.name())) {
                continue;
            }
            labels.add(m.name() + m.type().symbol() + quote(m.value()));
        }
        String suffix = modifiers ? at(v.timestamp(), v.startOrEnd()) + offset(v.originalOffset()) : "";
        if (labels.isEmpty()) {
            return v.name() + suffix;
        }
        labels.sort(null);
        return v.name() + "{" + String.join(",", labels) + "}" + suffix;
    }

    private static String at(Long timestamp, AtModifier startOrEnd) {
        if (timestamp != null) {
            // Go's %.3f of float64(ms)/1000: the float's exact value, rounded half to even.
            return " @ " + new BigDecimal(timestamp / 1000.0).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
        }
        return switch (startOrEnd == null ? AtModifier.NONE : startOrEnd) {
            case START -> " @ start()";
            case END -> " @ end()";
            case NONE -> "";
        };
    }

    private static String offset(long offsetMs) {
        if (offsetMs > 0) {
            return " offset " + formatDuration(offsetMs);
        } else if (offsetMs < 0) {
            return " offset -" + formatDuration(-offsetMs);
        }
        return "";
    }

    // ---- prettier.go ----

    /** The expression as 2.42's {@code Prettify}: nodes wider than 100 bytes split over indented lines. */
    public static String prettify(Expr expr) {
        return pretty(expr, 0);
    }

    private static String pretty(Expr e, int level) {
        String pad = INDENT.repeat(level);
        return switch (e) {
            case AggregateExpr a when needsSplit(a) -> pad + aggregatePrefix(a) + "(\n"
                    + (a.op().hasParam() ? pretty(a.param(), level + 1) + ",\n" : "")
                    + pretty(a.expr(), level + 1) + "\n" + pad + ")";
            case BinaryExpr b when needsSplit(b) -> pretty(b.lhs(), level + 1) + "\n" + pad + b.op().text()
                    + (b.returnBool() ? " bool" : "") + matching(b.matching()) + "\n" + pretty(b.rhs(), level + 1);
            case Call c when needsSplit(c) -> pad + c.function().name() + "(\n" + String.join(",\n",
                    c.args().stream().map(arg -> pretty(arg, level + 1)).toList()) + "\n" + pad + ")";
            case ParenExpr p when needsSplit(p) -> pad + "(\n" + pretty(p.expr(), level + 1) + "\n" + pad + ")";
            case StepInvariantExpr s -> pretty(s.expr(), level);
            // 2.42 leaves a subquery that fits unindented, and indents a split one through its inner expression.
            case SubqueryExpr s -> needsSplit(s) ? pretty(s.expr(), level) + subquerySuffix(s) : print(s);
            case UnaryExpr u -> pad + u.op().text() + pretty(u.expr(), level).strip();
            default -> pad + print(e);
        };
    }

    private static boolean needsSplit(Expr e) {
        return utf8Length(print(e)) > MAX_LINE;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    // ---- Go's text forms ----

    /** Go's {@code %q} (strconv.Quote): printable runes as they are, the rest escaped. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == '"' || r == '\\') {
                out.append('\\').appendCodePoint(r);
            } else if (isPrint(r)) {
                out.appendCodePoint(r);
            } else {
                switch (r) {
                    case 7 -> out.append("\\a");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case 11 -> out.append("\\v");
                    default -> {
                        if (r < ' ' || r == 0x7f) {
                            out.append(String.format("\\x%02x", r));
                        } else if (r < 0x10000) {
                            out.append(String.format("\\u%04x", Character.isSurrogate((char) r) ? 0xfffd : r));
                        } else {
                            out.append(String.format("\\U%08x", r));
                        }
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        if (r < 0x80) {
            return r >= 0x20 && r < 0x7f;
        }
        return switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * Go's {@code %v} of a float64: the shortest digits that read back to the same value, with an
     * exponent when the decimal exponent is below -4 or at least 6 ({@code 1e+06}, {@code 123456},
     * {@code 1e-05}, {@code 0.0001}); {@code +Inf}, {@code -Inf}, {@code NaN}.
     */
    public static String formatFloat(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        String sign = (v < 0 || (v == 0 && 1 / v < 0)) ? "-" : "";
        if (v == 0) {
            return sign + "0";
        }
        BigDecimal d = shortestDecimal(Math.abs(v));
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale();
        if (exp < -4 || exp >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = Integer.toString(Math.abs(exp));
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
        return sign + d.toPlainString();
    }

    /**
     * The shortest decimal that reads back as {@code v}. Double.toString is that, except that it
     * keeps two digits where one would do, which matters only for subnormals (Go: 5e-324).
     */
    private static BigDecimal shortestDecimal(double v) {
        if (v < Double.MIN_NORMAL) {
            BigDecimal exact = new BigDecimal(v);
            for (int digits = 1; digits < 17; digits++) {
                BigDecimal candidate = exact.round(new java.math.MathContext(digits));
                if (candidate.doubleValue() == v) {
                    return candidate.stripTrailingZeros();
                }
            }
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros();
    }

    /** {@code model.Duration.String()}: largest units first, years and weeks only when exact. */
    public static String formatDuration(long ms) {
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] mult = {365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600_000L, 60_000L,
            1000L, 1L};
        String[] unit = {"y", "w", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < mult.length; i++) {
            if (i < 2 && ms % mult[i] != 0) {
                continue;
            }
            long n = ms / mult[i];
            if (n > 0) {
                out.append(n).append(unit[i]);
                ms -= n * mult[i];
            }
        }
        return out.toString();
    }
}
