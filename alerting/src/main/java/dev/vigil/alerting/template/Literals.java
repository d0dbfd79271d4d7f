package dev.vigil.alerting.template;

import java.util.function.Supplier;

/** Go literal syntax: quoted, raw and rune strings, and numbers with Go's int/float split. */
final class Literals {
    private Literals() {
    }

    static String unquote(String s) {
        if (s.startsWith("`")) {
            return s.substring(1, s.length() - 1).replace("\r", "");
        }
        StringBuilder out = new StringBuilder();
        for (int k = 1; k < s.length() - 1; k++) {
            char c = s.charAt(k);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++k);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    out.append((char) Integer.parseInt(s.substring(k + 1, k + 3), 16));
                    k += 2;
                }
                case 'u' -> {
                    out.appendCodePoint(Integer.parseInt(s.substring(k + 1, k + 5), 16));
                    k += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(s.substring(k + 1, k + 9), 16));
                    k += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        out.append((char) Integer.parseInt(s.substring(k, k + 3), 8));
                        k += 2;
                    } else {
                        out.append(e); // \\ \" \'
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Go's template constants: text with {@code . e E p P} (and not hex) is float64, otherwise int
     * ({@code idealConstant} in text/template's exec.go).
     */
    static <E extends Exception> Object number(String text, Supplier<E> bad) throws E {
        String t = text.replace("_", "");
        boolean neg = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        try {
            String lower = body.toLowerCase();
            if (lower.startsWith("0x")) {
                long v = Long.parseLong(lower.substring(2), 16);
                return neg ? -v : v;
            }
            if (lower.startsWith("0b")) {
                long v = Long.parseLong(lower.substring(2), 2);
                return neg ? -v : v;
            }
            if (lower.startsWith("0o")) {
                long v = Long.parseLong(lower.substring(2), 8);
                return neg ? -v : v;
            }
            if (lower.matches(".*[.e].*")) {
                if (!lower.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                    throw bad.get();
                }
                double v = Double.parseDouble(body);
                return neg ? -v : v;
            }
            if (lower.length() > 1 && lower.startsWith("0")) {
                long v = Long.parseLong(lower.substring(1), 8);
                return neg ? -v : v;
            }
            long v = Long.parseLong(body);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw bad.get();
        }
    }
}
