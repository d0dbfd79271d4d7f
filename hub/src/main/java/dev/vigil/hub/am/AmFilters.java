package dev.vigil.hub.am;

import dev.vigil.alerting.am.labels.MatchType;
import dev.vigil.alerting.am.labels.Matcher;
import dev.vigil.alerting.am.labels.MatcherException;
import dev.vigil.alerting.am.labels.MatcherParser;
import dev.vigil.alerting.am.silence.Silence;
import dev.vigil.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * API v2's filters: {@code filter} matchers (one per parameter, Alertmanager's matcher syntax),
 * matched against an alert's labels as Alertmanager's {@code matchFilterLabels} does or looked
 * up among a silence's matchers, and the {@code receiver} regex (anchored).
 */
final class AmFilters {
    private AmFilters() {
    }

    /** Thrown with the message the API answers with 400. */
    static final class BadFilter extends Exception {
        BadFilter(String message) {
            super(message, null, false, false);
        }
    }

    static List<Matcher> matchers(List<String> filters) throws BadFilter {
        List<Matcher> out = new ArrayList<>();
        if (filters == null) {
            return out;
        }
        for (String f : filters) {
            try {
                out.add(MatcherParser.parseMatcher(f));
            } catch (MatcherException e) {
                throw new BadFilter(e.getMessage());
            }
        }
        return out;
    }

    /** The receiver regex, or null when the parameter is absent or empty. */
    static Pattern receiver(String regex) throws BadFilter {
        if (regex.isEmpty()) {
            return null;
        }
        String anchored = "^(?:" + regex + ")$";
        try {
            return Pattern.compile(anchored);
        } catch (PatternSyntaxException e) {
            throw new BadFilter("failed to parse receiver param: error parsing regexp: " + e.getDescription() + ": `"
                    + anchored + "`");
        }
    }

    static boolean matches(List<Matcher> filter, Labels labels) {
        return matches(filter, labels.toMap());
    }

    /**
     * Whether every filter matcher is one of the silence's matchers (same name, operator and
     * value), which is how Alertmanager 0.25 filters silences: {@code alertname=~"A.*"} finds the
     * silences that have exactly that matcher, not those whose matcher values it would match.
     */
    static boolean matches(List<Matcher> filter, Silence s) {
        for (Matcher f : filter) {
            boolean found = false;
            for (Matcher m : s.matchers().list()) {
                if (m.name().equals(f.name()) && m.type() == f.type() && m.value().equals(f.value())) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every filter matcher must match; a matcher for the empty value accepts a missing label
     * (for = and =~) or a present one (for != and !~) without looking further.
     */
    private static boolean matches(List<Matcher> filter, Map<String, String> values) {
        for (Matcher m : filter) {
            String v = values.get(m.name());
            boolean present = v != null;
            boolean negative = m.type() == MatchType.NOT_EQUAL || m.type() == MatchType.NOT_REGEXP;
            if (m.value().isEmpty() && (negative ? present : !present)) {
                continue;
            }
            if (!m.matches(present ? v : "")) {
                return false;
            }
        }
        return true;
    }
}
