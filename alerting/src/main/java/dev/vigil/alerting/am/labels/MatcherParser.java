package dev.vigil.alerting.am.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Alertmanager 0.25's matcher syntax ({@code ParseMatchers}/{@code ParseMatcher}): optional
 * braces, commas outside double quotes separate matchers, values quoted or not, OpenMetrics
 * escapes ({@code \"}, {@code \n}, {@code \\}), and the same forgiving treatment of stray
 * backslashes. Errors use Alertmanager's wording.
 */
public final class MatcherParser {
    // "=~" before "=" so that "=~" is not read as "=" followed by a value starting with "~".
    private static final Pattern ONE = Pattern.compile(
            "^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*((?s).*?)\\s*$");

    private MatcherParser() {
    }

    /** A comma-separated list, e.g. {@code {foo = "bar", dings != "bums", }}. */
    public static Matchers parseMatchers(String s) throws MatcherException {
        if (s.startsWith("{")) {
            s = s.substring(1);
        }
        if (s.endsWith("}")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inQuotes = false;
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ',' -> {
                    if (!inQuotes) {
                        tokens.add(token.toString());
                        token.setLength(0);
                        continue;
                    }
                }
                case '"' -> {
                    if (!escaped) {
                        inQuotes = !inQuotes;
                    } else {
                        escaped = false;
                    }
                }
                case '\\' -> escaped = !escaped;
                default -> escaped = false;
            }
            token.append(c);
        }
        String last = token.toString().strip();
        if (!last.isEmpty()) {
            tokens.add(last);
        }
        List<Matcher> out = new ArrayList<>();
        for (String t : tokens) {
            out.add(parseMatcher(t));
        }
        return new Matchers(out);
    }

    /** One matcher, e.g. {@code statuscode=~"5.."} or {@code env!=prod}. */
    public static Matcher parseMatcher(String s) throws MatcherException {
        java.util.regex.Matcher m = ONE.matcher(s);
        if (!m.matches()) {
            throw new MatcherException("bad matcher format: " + s);
        }
        String raw = m.group(3);
        String rawOriginal = raw;
        boolean expectTrailingQuote = false;
        if (!raw.isEmpty() && raw.charAt(0) == '"') {
            raw = raw.substring(1);
            expectTrailingQuote = true;
        }
        StringBuilder value = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (escaped) {
                escaped = false;
                switch (c) {
                    case 'n' -> value.append('\n');
                    case '"', '\\' -> value.append(c);
                    default -> value.append('\\').append(c); // a spurious escape is a literal backslash
                }
                continue;
            }
            switch (c) {
                case '\\' -> {
                    if (i < raw.length() - 1) {
                        escaped = true;
                    } else {
                        value.append('\\');
                    }
                }
                case '"' -> {
                    if (!expectTrailingQuote || i < raw.length() - 1) {
                        throw new MatcherException("matcher value contains unescaped double quote: " + rawOriginal);
                    }
                    expectTrailingQuote = false;
                }
                default -> value.append(c);
            }
        }
        if (expectTrailingQuote) {
            throw new MatcherException("matcher value contains unescaped double quote: " + rawOriginal);
        }
        return Matcher.of(MatchType.ofOperator(m.group(2)), m.group(1), value.toString());
    }
}
