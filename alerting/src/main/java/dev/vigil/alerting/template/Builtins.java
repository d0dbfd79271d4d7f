package dev.vigil.alerting.template;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * text/template's built-in functions with Go's semantics and error texts. {@code and} and
 * {@code or} are short-circuiting and live in the Executor; they are listed here so the parser
 * knows them. {@code call} and {@code slice} are left out.
 */
final class Builtins {
    private Builtins() {
    }

    static Map<String, TemplateFunction> all(boolean missingKeyZero) {
        Map<String, TemplateFunction> m = new HashMap<>();
        m.put("and", a -> null);
        m.put("or", a -> null);
        m.put("not", a -> {
            ArgError.count("not", a, 1);
            return !truth(a.get(0));
        });
        m.put("len", a -> {
            ArgError.count("len", a, 1);
            return len(a.get(0));
        });
        m.put("index", a -> index(a, missingKeyZero));
        m.put("print", GoFmt::sprint);
        m.put("println", GoFmt::sprintln);
        m.put("printf", a -> {
            if (a.isEmpty()) {
                throw new ArgError("wrong number of args for printf: want at least 1 got 0");
            }
            return GoFmt.sprintf(ArgError.string(a.get(0)), a.subList(1, a.size()));
        });
        m.put("eq", Builtins::eq);
        m.put("ne", a -> {
            ArgError.count("ne", a, 2);
            return !eq(a);
        });
        m.put("lt", a -> compare("lt", a) < 0);
        m.put("le", a -> compare("le", a) <= 0);
        m.put("gt", a -> compare("gt", a) > 0);
        m.put("ge", a -> compare("ge", a) >= 0);
        m.put("html", a -> htmlEscape(evalArgs(a)));
        m.put("js", a -> jsEscape(evalArgs(a)));
        m.put("urlquery", a -> queryEscape(evalArgs(a)));
        return m;
    }

    /** Go's truth: false, 0, nil, and empty strings, lists and maps are false. */
    static boolean truth(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case SafeHtml h -> !h.html().isEmpty();
            case Double d -> d != 0;
            case Number n -> n.longValue() != 0;
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> !v.getClass().isArray() || Array.getLength(v) > 0;
        };
    }

    /** Args of html, js, urlquery: one string as is, otherwise Sprint of them all. */
    private static String evalArgs(List<Object> a) {
        if (a.size() == 1 && a.get(0) instanceof String s) {
            return s;
        }
        return GoFmt.sprint(a);
    }

    private static long len(Object v) {
        return switch (v) {
            case null -> throw new IllegalArgumentException("len of nil pointer");
            case String s -> s.getBytes(StandardCharsets.UTF_8).length;
            case Collection<?> c -> c.size();
            case Map<?, ?> m -> m.size();
            default -> {
                if (v.getClass().isArray()) {
                    yield Array.getLength(v);
                }
                throw new IllegalArgumentException("len of type " + GoFmt.typeName(v));
            }
        };
    }

    private static Object index(List<Object> a, boolean missingKeyZero) {
        if (a.isEmpty()) {
            throw new ArgError("wrong number of args for index: want at least 1 got 0");
        }
        Object item = a.get(0);
        if (item == null) {
            throw new IllegalArgumentException("index of untyped nil");
        }
        for (Object idx : a.subList(1, a.size())) {
            switch (item) {
                case Map<?, ?> m -> {
                    if (!(idx instanceof String)) {
                        throw new IllegalArgumentException("value has type " + GoFmt.typeName(idx)
                                + "; should be string");
                    }
                    Object v = m.get(idx);
                    item = v == null && missingKeyZero && !(m instanceof AnyMap) ? "" : v;
                }
                case List<?> l -> item = l.get(position(idx, l.size()));
                case String s -> item = (long) (s.getBytes(StandardCharsets.UTF_8)[position(idx, s.length())] & 0xff);
                case null -> throw new IllegalArgumentException("index of untyped nil");
                default -> throw new IllegalArgumentException("can't index item of type " + GoFmt.typeName(item));
            }
        }
        return item;
    }

    private static int position(Object idx, int size) {
        if (!(idx instanceof Long l)) {
            throw new IllegalArgumentException("cannot index slice/array with type " + GoFmt.typeName(idx));
        }
        if (l < 0 || l >= size) {
            throw new IllegalArgumentException("index out of range: " + l);
        }
        return (int) (long) l;
    }

    private enum Kind { BOOL, INT, FLOAT, STRING, OTHER, NIL }

    private static Kind kind(Object v) {
        return switch (v) {
            case null -> Kind.NIL;
            case Boolean b -> Kind.BOOL;
            case Long l -> Kind.INT;
            case Integer i -> Kind.INT;
            case Double d -> Kind.FLOAT;
            case String s -> Kind.STRING;
            case SafeHtml h -> Kind.STRING;
            default -> Kind.OTHER;
        };
    }

    private static Object plain(Object v) {
        return v instanceof SafeHtml h ? h.html() : v instanceof Integer i ? i.longValue() : v;
    }

    /** Go 1.18+ {@code eq}: true when the first equals any other; kinds must agree unless one is nil. */
    private static boolean eq(List<Object> a) {
        if (a.size() < 2) {
            throw new IllegalArgumentException(a.isEmpty() ? "missing argument for comparison"
                    : "missing argument for comparison");
        }
        Object first = plain(a.get(0));
        for (Object o : a.subList(1, a.size())) {
            Object other = plain(o);
            Kind k1 = kind(first);
            Kind k2 = kind(other);
            if (k1 != k2) {
                if (first != null && other != null) {
                    throw new IllegalArgumentException("incompatible types for comparison");
                }
            } else if (k1 == Kind.OTHER && (first instanceof Map || first instanceof List)) {
                throw new IllegalArgumentException("non-comparable type " + GoFmt.value(first) + ": "
                        + GoFmt.typeName(first));
            } else if (k1 == Kind.NIL || first.equals(other)) {
                return true;
            }
        }
        return false;
    }

    private static int compare(String name, List<Object> a) {
        ArgError.count(name, a, 2);
        Object x = plain(a.get(0));
        Object y = plain(a.get(1));
        Kind k1 = kind(x);
        Kind k2 = kind(y);
        if (k1 == Kind.BOOL || k1 == Kind.OTHER || k1 == Kind.NIL || k2 == Kind.BOOL || k2 == Kind.OTHER
                || k2 == Kind.NIL) {
            throw new IllegalArgumentException("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new IllegalArgumentException("incompatible types for comparison");
        }
        return switch (k1) {
            case INT -> Long.compare((Long) x, (Long) y);
            case FLOAT -> (Double) x < (Double) y ? -1 : (Double) x > (Double) y ? 1 : (Double) x == (Double) y ? 0 : 2;
            default -> Integer.signum(compareBytes((String) x, (String) y));
        };
    }

    /** Go compares strings bytewise (UTF-8), which differs from UTF-16 order above the BMP. */
    static int compareBytes(String x, String y) {
        return java.util.Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
    }

    static String htmlEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\0' -> out.append("\uFFFD");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String jsEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Go's {@code url.QueryEscape}: space becomes '+', unreserved bytes stay, the rest %XX. */
    static String queryEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
