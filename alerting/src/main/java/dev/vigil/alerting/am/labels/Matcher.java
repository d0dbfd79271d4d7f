package dev.vigil.alerting.am.labels;

import dev.vigil.model.Labels;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher. Regex matchers are anchored at both ends, as Alertmanager compiles
 * {@code ^(?:value)$}; an absent label is matched as the empty string.
 */
public final class Matcher implements Comparable<Matcher> {
    /** Alertmanager's sort order: name, then value, then type. Route keys depend on it. */
    private static final Comparator<Matcher> ORDER = Comparator.comparing(Matcher::name)
            .thenComparing(Matcher::value)
            .thenComparing(Matcher::type);

    private final MatchType type;
    private final String name;
    private final String value;
    private final Pattern pattern;

    private Matcher(MatchType type, String name, String value, Pattern pattern) {
        this.type = type;
        this.name = name;
        this.value = value;
        this.pattern = pattern;
    }

    /** As {@code labels.NewMatcher}: only a regex can fail, with Go's "error parsing regexp" prefix. */
    public static Matcher of(MatchType type, String name, String value) throws MatcherException {
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        Pattern pattern = null;
        if (type == MatchType.REGEXP || type == MatchType.NOT_REGEXP) {
            pattern = compile(value);
        }
        return new Matcher(type, name, value, pattern);
    }

    /** Compiles an anchored regex, reporting failures in Go's words (the detail is Java's). */
    static Pattern compile(String regex) throws MatcherException {
        try {
            return Pattern.compile("^(?:" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new MatcherException("error parsing regexp: " + e.getDescription() + ": `" + regex + "`");
        }
    }

    public static Matcher equal(String name, String value) {
        return new Matcher(MatchType.EQUAL, name, value, null);
    }

    public MatchType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** Whether {@code labelValue} (or "" for an absent label) satisfies this matcher. */
    public boolean matches(String labelValue) {
        return switch (type) {
            case EQUAL -> labelValue.equals(value);
            case NOT_EQUAL -> !labelValue.equals(value);
            case REGEXP -> pattern.matcher(labelValue).matches();
            case NOT_REGEXP -> !pattern.matcher(labelValue).matches();
        };
    }

    public boolean matches(Labels labels) {
        return matches(labels.get(name));
    }

    @Override
    public int compareTo(Matcher o) {
        return ORDER.compare(this, o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matcher m && m.type == type && m.name.equals(name) && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, value);
    }

    /** {@code name="value"} with OpenMetrics escaping (backslash, newline, quote), as route keys print matchers. */
    @Override
    public String toString() {
        String escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
        return name + type.operator() + '"' + escaped + '"';
    }
}
