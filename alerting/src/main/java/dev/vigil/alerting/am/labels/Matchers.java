package dev.vigil.alerting.am.labels;

import dev.vigil.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An immutable list of matchers that must all hold (Alertmanager's {@code labels.Matchers}). */
public record Matchers(List<Matcher> list) {
    public static final Matchers NONE = new Matchers(List.of());
    static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public Matchers {
        list = List.copyOf(list);
    }

    public static Matchers of(Matcher... matchers) {
        return new Matchers(List.of(matchers));
    }

    /** Whether a string is a valid label name ({@code model.LabelName.IsValid}). */
    public static boolean isValidLabelName(String name) {
        return LABEL_NAME.matcher(name).matches();
    }

    /** The same matchers in Alertmanager's sort order (name, value, type), as routes keep them. */
    public Matchers sorted() {
        List<Matcher> copy = new ArrayList<>(list);
        copy.sort(null);
        return new Matchers(copy);
    }

    public Matchers plus(Matchers more) {
        List<Matcher> all = new ArrayList<>(list);
        all.addAll(more.list);
        return new Matchers(all);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** All matchers hold; an empty list matches everything. */
    public boolean matches(Labels labels) {
        for (Matcher m : list) {
            if (!m.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The legacy {@code match} map: equality matchers. */
    public static Matchers ofMatch(Map<String, String> match) {
        List<Matcher> out = new ArrayList<>();
        match.forEach((name, value) -> out.add(Matcher.equal(name, value)));
        return new Matchers(out);
    }

    /**
     * The legacy {@code match_re} map. Alertmanager 0.25's config keeps the anchored form
     * {@code ^(?:re)$} as the matcher's value, so route keys show it; so do we.
     */
    public static Matchers ofMatchRe(Map<String, String> matchRe) throws MatcherException {
        List<Matcher> out = new ArrayList<>();
        for (Map.Entry<String, String> e : matchRe.entrySet()) {
            out.add(Matcher.of(MatchType.REGEXP, e.getKey(), "^(?:" + e.getValue() + ")$"));
        }
        return new Matchers(out);
    }

    /** {@code {a="b",c=~"d"}} as Alertmanager prints matchers (no spaces). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(list.get(i));
        }
        return out.append('}').toString();
    }
}
