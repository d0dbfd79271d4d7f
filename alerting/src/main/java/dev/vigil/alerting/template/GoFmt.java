package dev.vigil.alerting.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code fmt} for the engine's values: {@code Sprint}, {@code Sprintln}, {@code Sprintf}
 * with the verbs templates use, and the {@code %!verb(type=value)} forms Go writes for
 * mismatches. Lists print as {@code [a b]}, maps as {@code map[k:v]} in key order.
 */
final class GoFmt {
    private GoFmt() {
    }

    /** Go's type name of a value, as it appears in {@code %!d(string=x)} and in errors. */
    static String typeName(Object v) {
        return switch (v) {
            case null -> "<nil>";
            case String s -> "string";
            case Long l -> "int";
            case Integer n -> "int";
            case Double d -> "float64";
            case Float f -> "float32";
            case Boolean b -> "bool";
            case SafeHtml h -> "template.HTML";
            case List<?> l -> l.stream().allMatch(e -> e instanceof String) && !l.isEmpty() ? "[]string" : "[]interface {}";
            case AnyMap m -> "map[string]interface {}";
            case Map<?, ?> m -> m.values().stream().allMatch(e -> e instanceof String) ? "map[string]string"
                    : "map[string]interface {}";
            default -> v.getClass().getSimpleName();
        };
    }

    /** {@code %v}. */
    static String value(Object v) {
        return verb(v, 'v', new Spec());
    }

    static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < args.size(); k++) {
            // Sprint adds a space between operands when neither is a string.
            if (k > 0 && !(args.get(k) instanceof String) && !(args.get(k - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(value(args.get(k)));
        }
        return out.toString();
    }

    static String sprintln(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < args.size(); k++) {
            if (k > 0) {
                out.append(' ');
            }
            out.append(value(args.get(k)));
        }
        return out.append('\n').toString();
    }

    /** Flags, width and precision of one verb. */
    static final class Spec {
        boolean minus;
        boolean plus;
        boolean sharp;
        boolean space;
        boolean zero;
        int width = -1;
        int prec = -1;
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int argi = 0;
        int n = format.length();
        for (int k = 0; k < n; k++) {
            char c = format.charAt(k);
            if (c != '%') {
                out.append(c);
                continue;
            }
            Spec spec = new Spec();
            k++;
            for (; k < n; k++) {
                char f = format.charAt(k);
                if (f == '-') {
                    spec.minus = true;
                    spec.zero = false; // Go: '-' overrides '0'
                } else if (f == '+') {
                    spec.plus = true;
                } else if (f == '#') {
                    spec.sharp = true;
                } else if (f == ' ') {
                    spec.space = true;
                } else if (f == '0') {
                    spec.zero = !spec.minus;
                } else {
                    break;
                }
            }
            int start = k;
            while (k < n && Character.isDigit(format.charAt(k))) {
                k++;
            }
            if (k > start) {
                spec.width = Integer.parseInt(format.substring(start, k));
            }
            if (k < n && format.charAt(k) == '.') {
                k++;
                start = k;
                while (k < n && Character.isDigit(format.charAt(k))) {
                    k++;
                }
                spec.prec = k > start ? Integer.parseInt(format.substring(start, k)) : 0;
            }
            if (k >= n) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(k);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (argi >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            out.append(verb(args.get(argi++), verb, spec));
        }
        if (argi < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = argi; k < args.size(); k++) {
                if (k > argi) {
                    out.append(", ");
                }
                Object a = args.get(k);
                out.append(a == null ? "<nil>" : typeName(a) + "=" + value(a));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String bad(Object v, char verb) {
        return "%!" + verb + "(" + (v == null ? "<nil>" : typeName(v) + "=" + value(v)) + ")";
    }

    static String verb(Object v, char verb, Spec spec) {
        if (v instanceof Integer i) {
            v = i.longValue();
        } else if (v instanceof Float f) {
            v = f.doubleValue();
        }
        String body;
        switch (v) {
            case null -> {
                return verb == 'v' ? pad("<nil>", spec) : bad(null, verb);
            }
            case String s -> body = string(s, verb, spec);
            case SafeHtml h -> body = string(h.html(), verb, spec);
            case Long l -> body = integer(l, verb, spec);
            case Double d -> body = floating(d, verb, spec);
            case Boolean b -> body = verb == 'v' || verb == 't' ? pad(b.toString(), spec) : null;
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (int k = 0; k < list.size(); k++) {
                    out.append(k > 0 ? " " : "").append(verb(list.get(k), verb, spec));
                }
                return out.append(']').toString();
            }
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("map[");
                boolean first = true;
                for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                    out.append(first ? "" : " ").append(verb(e.getKey(), verb, spec)).append(':')
                            .append(verb(e.getValue(), verb, spec));
                    first = false;
                }
                return out.append(']').toString();
            }
            default -> body = verb == 'v' || verb == 's' ? pad(v.toString(), spec) : null;
        }
        if (body == null) {
            return bad(v, verb);
        }
        return body;
    }

    private static String string(String s, char verb, Spec spec) {
        switch (verb) {
            case 'v', 's' -> {
                String t = spec.prec >= 0 && s.codePointCount(0, s.length()) > spec.prec
                        ? s.substring(0, s.offsetByCodePoints(0, spec.prec)) : s;
                return pad(t, spec);
            }
            case 'q' -> {
                return pad(spec.sharp && !s.contains("`") ? "`" + s + "`" : quote(s), spec);
            }
            case 'x', 'X' -> {
                StringBuilder hex = new StringBuilder();
                for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                    hex.append(String.format(verb == 'x' ? "%02x" : "%02X", b & 0xff));
                }
                return pad(hex.toString(), spec);
            }
            default -> {
                return null;
            }
        }
    }

    private static String integer(long l, char verb, Spec spec) {
        String digits = switch (verb) {
            case 'v', 'd' -> Long.toString(Math.abs(l));
            case 'x' -> Long.toHexString(Math.abs(l));
            case 'X' -> Long.toHexString(Math.abs(l)).toUpperCase();
            case 'o' -> Long.toOctalString(Math.abs(l));
            case 'b' -> Long.toBinaryString(Math.abs(l));
            case 'c' -> new String(Character.toChars((int) l));
            case 'q' -> quoteRune((int) l);
            case 'U' -> String.format("U+%04X", l);
            default -> null;
        };
        if (digits == null) {
            return null;
        }
        if ("cqU".indexOf(verb) >= 0) {
            return pad(digits, spec);
        }
        if (spec.prec >= 0 && digits.length() < spec.prec) {
            digits = "0".repeat(spec.prec - digits.length()) + digits;
        }
        if (spec.sharp && (verb == 'x' || verb == 'X')) {
            digits = (verb == 'x' ? "0x" : "0X") + digits;
        }
        return signed(l < 0, digits, spec);
    }

    private static String floating(double d, char verb, Spec spec) {
        if ("veEfFgG".indexOf(verb) < 0) {
            return null;
        }
        int prec = spec.prec;
        if (prec < 0 && "eEfF".indexOf(verb) >= 0) {
            prec = 6; // %e and %f default to 6 digits, %g and %v to the shortest
        }
        String s = FloatFormat.format(d, verb == 'v' ? 'g' : verb, prec);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            // fmt never zero-pads these; NaN shows a sign only when asked for
            boolean zero = spec.zero;
            spec.zero = false;
            String out = Double.isNaN(d) ? pad(spec.plus ? "+NaN" : spec.space ? " NaN" : "NaN", spec) : pad(s, spec);
            spec.zero = zero;
            return out;
        }
        boolean neg = s.startsWith("-");
        return signed(neg, neg ? s.substring(1) : s, spec);
    }

    private static String signed(boolean neg, String digits, Spec spec) {
        String sign = neg ? "-" : spec.plus ? "+" : spec.space ? " " : "";
        if (spec.zero && !spec.minus && spec.width > 0 && spec.width > sign.length() + digits.length()) {
            return sign + "0".repeat(spec.width - sign.length() - digits.length()) + digits;
        }
        return pad(sign + digits, spec);
    }

    private static String pad(String s, Spec spec) {
        int len = s.codePointCount(0, s.length());
        if (spec.width <= len) {
            return s;
        }
        String fill = (spec.zero && !spec.minus ? "0" : " ").repeat(spec.width - len);
        return spec.minus ? s + fill : fill + s;
    }

    /** Go's {@code strconv.Quote}. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> out.append(escape(cp, '"')));
        return out.append('"').toString();
    }

    static String quoteRune(int cp) {
        return "'" + escape(cp, '\'') + "'";
    }

    private static String escape(int cp, char quote) {
        if (cp == quote || cp == '\\') {
            return "\\" + (char) cp;
        }
        return switch (cp) {
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 11 -> "\\v";
            default -> {
                if (cp < 0x20 || cp == 0x7f) {
                    yield String.format("\\x%02x", cp);
                }
                int type = Character.getType(cp);
                boolean printable = type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                        && type != Character.SURROGATE && type != Character.PRIVATE_USE
                        && (cp == ' ' || !Character.isWhitespace(cp) && !Character.isSpaceChar(cp));
                if (printable) {
                    yield new String(Character.toChars(cp));
                }
                yield cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
            }
        };
    }
}
