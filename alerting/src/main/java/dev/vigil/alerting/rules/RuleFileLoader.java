package dev.vigil.alerting.rules;

import dev.vigil.alerting.template.RuleTemplates;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.exporter.yaml.YamlMap;
import dev.vigil.model.PromDuration;
import dev.vigil.model.MetricNames;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a Prometheus rule file and checks it as Prometheus' {@code rulefmt} does: group names
 * present and unique, durations valid, each rule exactly one of {@code record} or {@code alert}
 * with an {@code expr} that parses, recording rules without {@code for}, {@code keep_firing_for}
 * or annotations, a valid metric name for {@code record}, valid label and annotation names.
 * Structural errors (bad YAML, unknown keys) stop the load; rule errors are all collected.
 */
public final class RuleFileLoader {
    private static final Set<String> TOP = Set.of("groups");
    private static final Set<String> GROUP = Set.of("name", "interval", "limit", "rules");
    private static final Set<String> RULE = Set.of("record", "alert", "expr", "for", "keep_firing_for", "labels",
            "annotations");

    private RuleFileLoader() {
    }

    /** One rule as written. */
    public record Rule(String record, String alert, String expr, Duration forDuration, Duration keepFiringFor,
            Map<String, String> labels, Map<String, String> annotations) {
    }

    /** One group. {@code interval} is null when the group names none. */
    public record Group(String name, Duration interval, long limit, List<Rule> rules) {
    }

    /** What a file holds, and what is wrong with it (empty when valid). */
    public record Result(List<Group> groups, List<String> errors) {
        public int ruleCount() {
            return groups.stream().mapToInt(g -> g.rules().size()).sum();
        }
    }

    /**
     * Loads {@code file}.
     *
     * @throws ConfigException for a file that cannot be read or is not a rule file at all
     */
    public static Result load(Path file) throws ConfigException {
        return fromYaml(file.toString(), YamlFiles.read(file));
    }

    /** Checks rule-file text, naming it {@code name} in errors (as {@link #load} names the file). */
    public static Result parse(String name, String text) throws ConfigException {
        return fromYaml(name, YamlFiles.parse(name, text));
    }

    private static Result fromYaml(String file, Optional<YamlMap> root) throws ConfigException {
        List<Group> groups = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (root.isEmpty()) {
            return new Result(groups, errors);
        }
        root.get().only(TOP);
        Set<String> names = new HashSet<>();
        for (YamlMap g : root.get().maps("groups")) {
            g.only(GROUP);
            String name = g.string("name", "");
            if (name.isEmpty()) {
                errors.add(file + ": " + g.line() + ": Groupname must not be empty");
            } else if (!names.add(name)) {
                errors.add(file + ": " + g.line("name") + ": groupname: \"" + name + "\" is repeated in the same file");
            }
            Duration interval = g.has("interval") ? duration(g, "interval") : null;
            long limit = g.integer("limit").orElse(0L);
            List<Rule> rules = new ArrayList<>();
            int i = 0;
            for (YamlMap r : g.maps("rules")) {
                i++;
                r.only(RULE);
                Rule rule = new Rule(r.string("record", ""), r.string("alert", ""), r.string("expr", ""),
                        r.has("for") ? duration(r, "for") : Duration.ZERO,
                        r.has("keep_firing_for") ? duration(r, "keep_firing_for") : Duration.ZERO,
                        r.stringMap("labels"), r.stringMap("annotations"));
                for (String problem : check(r, rule)) {
                    String ruleName = rule.alert().isEmpty() ? rule.record() : rule.alert();
                    errors.add(file + ": " + r.line() + ": group \"" + name + "\", rule " + i + ", \"" + ruleName
                            + "\": " + problem);
                }
                if (!rule.alert().isEmpty()) {
                    // rulefmt reports template errors without a position.
                    for (String problem : templateProblems(rule)) {
                        errors.add(file + ": group \"" + name + "\", rule " + i + ", \"" + rule.alert() + "\": "
                                + problem);
                    }
                }
                rules.add(rule);
            }
            groups.add(new Group(name, interval, limit, List.copyOf(rules)));
        }
        return new Result(List.copyOf(groups), List.copyOf(errors));
    }

    private static Duration duration(YamlMap map, String key) throws ConfigException {
        String text = map.string(key, "");
        try {
            return PromDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw map.error(key, e.getMessage());
        }
    }

    /** rulefmt's {@code testTemplateParsing}: labels, then annotations, each by name. */
    private static List<String> templateProblems(Rule r) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(r.labels()).forEach((k, v) -> {
            String err = RuleTemplates.parseError(r.alert(), v);
            if (err != null) {
                problems.add("label \"" + k + "\": " + err);
            }
        });
        new TreeMap<>(r.annotations()).forEach((k, v) -> {
            String err = RuleTemplates.parseError(r.alert(), v);
            if (err != null) {
                problems.add("annotation \"" + k + "\": " + err);
            }
        });
        return problems;
    }

    /** rulefmt's {@code Rule.Validate}, in its order and words. */
    private static List<String> check(YamlMap node, Rule r) {
        List<String> problems = new ArrayList<>();
        boolean record = !r.record().isEmpty();
        boolean alert = !r.alert().isEmpty();
        if (record && alert) {
            problems.add("only one of 'record' and 'alert' must be set");
        }
        if (!record && !alert) {
            problems.add("one of 'record' or 'alert' must be set");
        }
        if (r.expr().isEmpty()) {
            problems.add("field 'expr' must be set in rule");
        } else {
            try {
                Parser.parseExpr(r.expr());
            } catch (ParseException e) {
                problems.add("could not parse expression: " + e.getMessage());
            }
        }
        if (record) {
            if (!r.annotations().isEmpty()) {
                problems.add("invalid field 'annotations' in recording rule");
            }
            if (node.has("for")) {
                problems.add("invalid field 'for' in recording rule");
            }
            if (node.has("keep_firing_for")) {
                problems.add("invalid field 'keep_firing_for' in recording rule");
            }
            if (!MetricNames.isValidMetricName(r.record())) {
                problems.add("invalid recording rule name: " + r.record());
            }
        }
        for (String name : r.labels().keySet()) {
            if (!MetricNames.isValidLabelName(name)) {
                problems.add("invalid label name: " + name);
            }
        }
        for (String name : r.annotations().keySet()) {
            if (!MetricNames.isValidLabelName(name)) {
                problems.add("invalid annotation name: " + name);
            }
        }
        return problems;
    }
}
