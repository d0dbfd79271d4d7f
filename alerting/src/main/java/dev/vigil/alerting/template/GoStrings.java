package dev.vigil.alerting.template;

/** Go's strings, strconv and net helpers the function sets need, rune by rune as Go works. */
final class GoStrings {
    private GoStrings() {
    }

    static String toUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
        return out.toString();
    }

    static String toLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    /** Go's deprecated {@code strings.Title}: first letter of each word upper (title) case, rest untouched. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int prev = ' ';
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            out.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
            prev = cp;
            k += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isSeparator(int r) {
        if (r <= 0x7F) {
            return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_');
        }
        if (Character.isLetter(r) || Character.isDigit(r)) {
            return false;
        }
        return Character.isWhitespace(r) || Character.isSpaceChar(r);
    }

    /**
     * {@code cases.Title(language.AmericanEnglish)} as Alertmanager's title uses: each word's first
     * letter in title case and the rest lower case; a '.', ':' or apostrophe between letters stays
     * inside the word, as Unicode word breaking keeps it.
     */
    static String titleWords(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inWord = false;
        int[] cps = s.codePoints().toArray();
        for (int k = 0; k < cps.length; k++) {
            int cp = cps[k];
            boolean wordChar = Character.isLetterOrDigit(cp) || cp == '_'
                    || (cp == '\'' || cp == '.' || cp == ':' || cp == '\u2019') && inWord && k + 1 < cps.length
                    && Character.isLetter(cps[k + 1]) && Character.isLetter(cps[k - 1]);
            if (!wordChar) {
                inWord = false;
                out.appendCodePoint(cp);
            } else if (!inWord) {
                inWord = true;
                out.appendCodePoint(Character.toTitleCase(cp));
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return out.toString();
    }

    /** Go's {@code strconv.ParseFloat(s, 64)}, with its error text. */
    static double parseFloat(String s) {
        String t = s.toLowerCase();
        String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        double sign = t.startsWith("-") ? -1 : 1;
        if (body.equals("inf") || body.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan") && t.equals(body)) {
            return Double.NaN;
        }
        if (body.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            return sign * Double.parseDouble(body);
        }
        if (body.matches("0x[0-9a-f]*\\.?[0-9a-f]*p[+-]?\\d+")) {
            return sign * Double.parseDouble(body);
        }
        throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoFmt.quote(s) + ": invalid syntax");
    }

    /** Go's {@code net.SplitHostPort}: {host, port}, or null where Go returns an error. */
    static String[] splitHostPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 != colon) {
                return null;
            }
            host = hostPort.substring(1, close);
        } else {
            host = hostPort.substring(0, colon);
            if (host.contains(":")) {
                return null; // too many colons
            }
        }
        if (host.contains("[") || host.contains("]")) {
            return null;
        }
        return new String[] {host, hostPort.substring(colon + 1)};
    }

    /** Prometheus' stripDomain: the first label of a host name, keeping the port; IPs unchanged. */
    static String stripDomain(String hostPort) {
        String[] hp = splitHostPort(hostPort);
        String host = hp == null ? hostPort : hp[0];
        String port = hp == null ? "" : hp[1];
        if (isIp(host)) {
            return hostPort;
        }
        int dot = host.indexOf('.');
        host = dot < 0 ? host : host.substring(0, dot);
        if (!port.isEmpty()) {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
        return host;
    }

    private static boolean isIp(String host) {
        if (host.matches("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})")) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255 || part.length() > 1 && part.startsWith("0")) {
                    return false;
                }
            }
            return true;
        }
        return host.contains(":") && host.matches("[0-9a-fA-F:.]+");
    }
}
