package dev.vigil.promql.engine;

/** Go's {@code strconv.ParseFloat(s, 64)} for label values such as {@code le="+Inf"}. */
final class GoFloatText {
    private GoFloatText() {
    }

    static double parse(String s) {
        String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean negative = s.startsWith("-");
        switch (body.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "infinity" -> {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
            }
        }
        if (body.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        boolean hex = body.startsWith("0x") || body.startsWith("0X");
        for (int i = hex ? 2 : 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c == '.' || c == '+' || c == '-' || c == '_'
                    || (hex ? c == 'p' || c == 'P' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
                            : c == 'e' || c == 'E');
            if (!ok) {
                throw new NumberFormatException(s);
            }
        }
        String text = body.replace("_", "");
        if ((text.startsWith("0x") || text.startsWith("0X")) && !text.contains("p") && !text.contains("P")) {
            throw new NumberFormatException(s);
        }
        double v = Double.parseDouble(text);
        return negative ? -v : v;
    }
}
