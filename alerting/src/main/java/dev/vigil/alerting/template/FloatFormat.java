package dev.vigil.alerting.template;

import dev.vigil.model.GoFloats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for the verbs {@code e f g} with a precision, as fmt's
 * {@code %.2f}, {@code %.4g} (humanize) and {@code %e} use it. Rounding is on the exact binary
 * value, half to even, as strconv does; precision -1 means shortest (delegated to GoFloats,
 * whose 'g' threshold of exponent 6 is also what fmt's {@code %v} prints: {@code 1e+06}).
 */
final class FloatFormat {
    private FloatFormat() {
    }

    /** The number without sign handling for specials: NaN, +Inf, -Inf come back as Go writes them. */
    static String format(double v, char verb, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = Double.doubleToRawLongBits(v) < 0;
        double a = Math.abs(v);
        String body = switch (verb) {
            case 'e', 'E' -> prec < 0 ? GoFloats.formatE(a) : e(a, prec);
            case 'f', 'F' -> prec < 0 ? GoFloats.formatF(a) : f(a, prec);
            default -> prec < 0 ? GoFloats.format(a) : g(a, prec == 0 ? 1 : prec);
        };
        if (verb == 'E' || verb == 'G') {
            body = body.toUpperCase();
        }
        return neg ? "-" + body : body;
    }

    private static String f(double a, int prec) {
        return new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String e(double a, int prec) {
        if (a == 0) {
            return (prec > 0 ? "0." + "0".repeat(prec) : "0") + "e+00";
        }
        BigDecimal d = new BigDecimal(a).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale();
        digits = (digits + "0".repeat(prec + 1)).substring(0, prec + 1);
        return mantissa(digits) + exponent(exp);
    }

    private static String g(double a, int prec) {
        if (a == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(a).round(new MathContext(prec, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale();
        if (exp < -4 || exp >= prec) {
            return mantissa(digits) + exponent(exp);
        }
        return d.scale() <= 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String mantissa(String digits) {
        return digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    }

    private static String exponent(int exp) {
        int abs = Math.abs(exp);
        return "e" + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }
}
