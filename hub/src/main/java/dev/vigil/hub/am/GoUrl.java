package dev.vigil.hub.am;

/**
 * Whether Go's {@code url.Parse} accepts a string, which is what go-openapi's {@code uri} format
 * checks: no control characters, a scheme (if any) of letters, digits, {@code +-.} starting with a
 * letter, no colon in the first path segment of a URL without scheme, and valid {@code %} escapes.
 */
final class GoUrl {
    private GoUrl() {
    }

    static boolean parses(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= s.length() || !hex(s.charAt(i + 1)) || !hex(s.charAt(i + 2))) {
                    return false;
                }
            }
        }
        String rest = s;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int colon = rest.indexOf(':');
        boolean scheme = colon > 0 && Character.isLetter(rest.charAt(0));
        for (int i = 1; scheme && i < colon; i++) {
            char c = rest.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                scheme = false;
            }
        }
        if (colon == 0) {
            return false; // "missing protocol scheme"
        }
        if (!scheme && colon > 0) {
            int slash = rest.indexOf('/');
            int query = rest.indexOf('?');
            int end = slash < 0 ? rest.length() : slash;
            if (query >= 0 && query < end) {
                end = query;
            }
            if (colon < end) {
                return false; // "first path segment in URL cannot contain colon"
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
