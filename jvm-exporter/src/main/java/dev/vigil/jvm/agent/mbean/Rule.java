package dev.vigil.jvm.agent.mbean;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of {@code rules}, compiled. A rule without a pattern matches everything; a rule without a
 * name exports by the default name ({@code domain_firstKeyValue_path_attribute}). Identity matters
 * (the match cache is per rule), so this is a class, not a record.
 */
public final class Rule {
    private final Pattern pattern;
    private final String name;
    private final String value;
    private final double valueFactor;
    private final String help;
    private final List<String> labelNames;
    private final List<String> labelValues;
    private final MetricKind kind;
    private final boolean attrNameSnakeCase;
    private final boolean cache;

    /**
     * @param pattern the user's regex, already wrapped as jmx_exporter wraps it ({@code ^.*(?:p).*$}); null matches all
     * @param labelNames label name templates, sorted (jmx_exporter keeps labels in a TreeMap)
     * @param labelValues the value template of each label name
     */
    Rule(Pattern pattern, String name, String value, double valueFactor, String help, List<String> labelNames,
            List<String> labelValues, MetricKind kind, boolean attrNameSnakeCase, boolean cache) {
        this.pattern = pattern;
        this.name = name;
        this.value = value;
        this.valueFactor = valueFactor;
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
        this.labelValues = List.copyOf(labelValues);
        this.kind = kind;
        this.attrNameSnakeCase = attrNameSnakeCase;
        this.cache = cache;
    }

    /** The rule used when the config has no {@code rules} key: everything, default names, untyped. */
    public static Rule matchAll() {
        return new Rule(null, null, null, 1.0, null, List.of(), List.of(), MetricKind.UNKNOWN, false, false);
    }

    /** Wraps a user's pattern as jmx_exporter does, so it may match anywhere in the match string. */
    static Pattern compile(String userPattern) {
        return Pattern.compile("^.*(?:" + userPattern + ").*$");
    }

    Pattern pattern() {
        return pattern;
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }

    double valueFactor() {
        return valueFactor;
    }

    String help() {
        return help;
    }

    List<String> labelNames() {
        return labelNames;
    }

    List<String> labelValues() {
        return labelValues;
    }

    MetricKind kind() {
        return kind;
    }

    boolean attrNameSnakeCase() {
        return attrNameSnakeCase;
    }

    boolean cache() {
        return cache;
    }

    @Override
    public String toString() {
        return "Rule[pattern=" + pattern + ", name=" + name + "]";
    }
}
