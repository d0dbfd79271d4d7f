package dev.vigil.alerting.rules;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.exporter.yaml.YamlMap;
import dev.vigil.model.Labels;
import dev.vigil.model.PromDuration;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.QueryException;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.Parser;
import dev.vigil.promql.script.MemoryStorage;
import dev.vigil.promql.script.ScriptSyntaxException;
import dev.vigil.promql.script.SequenceValue;
import dev.vigil.promql.script.SeriesDescription;
import dev.vigil.promql.value.Sample;
import dev.vigil.storage.Appender;
import dev.vigil.storage.index.Matcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code bin/vigil-hub test rules FILE...}: promtool's rule unit tests (rule_files,
 * evaluation_interval, tests with interval, input_series, alert_rule_test, promql_expr_test),
 * evaluated as promtool 2.42 does: every group at every evaluation interval from 0 to the latest
 * alert test time; firing alerts compared at each alert test's time; expressions queried at the
 * end. Output as promtool prints it.
 */
public final class RuleUnitTest {
    private static final Set<String> TOP = Set.of("rule_files", "evaluation_interval", "group_eval_order", "tests");
    private static final Set<String> TEST = Set.of("interval", "input_series", "alert_rule_test", "promql_expr_test",
            "external_labels", "external_url", "name");

    private final TemplateExpander templates;

    public RuleUnitTest(TemplateExpander templates) {
        this.templates = templates;
    }

    /** Runs each file; prints promtool's report; 0 when every test passed, 1 otherwise. */
    public int run(List<Path> files, PrintStream out) {
        boolean failed = false;
        for (Path file : files) {
            out.println("Unit Testing:  " + file);
            List<String> errors;
            try {
                errors = runFile(file);
            } catch (ConfigException e) {
                errors = List.of("  " + e.getMessage());
            } catch (RuleLoadException e) {
                errors = List.of("  " + e.getMessage());
            }
            if (errors.isEmpty()) {
                out.println("  SUCCESS");
            } else {
                failed = true;
                out.println("  FAILED:");
                for (String e : errors) {
                    out.println(e);
                    out.println(); // promtool writes a blank line to stdout after each error on stderr
                }
            }
            out.println();
        }
        return failed ? 1 : 0;
    }

    private List<String> runFile(Path file) throws ConfigException, RuleLoadException {
        YamlMap root = YamlFiles.read(file).orElseThrow(() -> new ConfigException(file.toString(), 1, "empty test file"));
        root.only(TOP);
        long evalInterval = duration(root, "evaluation_interval", 60_000);
        Path base = file.toAbsolutePath().getParent();
        List<Path> ruleFiles = new ArrayList<>();
        for (String f : root.strings("rule_files")) {
            ruleFiles.add(base.resolve(f));
        }
        List<String> errors = new ArrayList<>();
        for (YamlMap test : root.maps("tests")) {
            test.only(TEST);
            errors.addAll(runGroup(test, ruleFiles, evalInterval));
        }
        return errors;
    }

    private static long duration(YamlMap map, String key, long defaultMillis) throws ConfigException {
        Optional<String> text = map.string(key);
        if (text.isEmpty()) {
            return defaultMillis;
        }
        try {
            return PromDuration.parse(text.get()).toMillis();
        } catch (IllegalArgumentException e) {
            throw map.error(key, e.getMessage());
        }
    }

    private List<String> runGroup(YamlMap test, List<Path> ruleFiles, long evalInterval)
            throws ConfigException, RuleLoadException {
        long interval = duration(test, "interval", evalInterval);
        MemoryStorage storage = new MemoryStorage();
        for (YamlMap in : test.maps("input_series")) {
            String text = in.string("series", "") + " " + in.string("values", "");
            SeriesDescription d;
            try {
                d = SeriesDescription.parse(text);
            } catch (ScriptSyntaxException e) {
                throw in.error("series", e.getMessage());
            }
            for (int i = 0; i < d.values().size(); i++) {
                SequenceValue v = d.values().get(i);
                if (!v.omitted()) {
                    storage.add(d.labels(), i * interval, v.value());
                }
            }
        }
        Labels external = Labels.of(test.stringMap("external_labels"));
        Engine engine = new Engine(EngineOptions.DEFAULTS.withSubqueryStep(evalInterval));
        RuleContext ctx = RuleContext.of(new RuleQuery(engine, storage), templates, external,
                test.string("external_url", ""));
        List<RuleGroup> groups = RuleManager.load(ruleFiles, evalInterval);
        for (RuleGroup g : groups) {
            for (Rule r : g.rules()) {
                if (r instanceof AlertingRule ar) {
                    ar.setRestored(true); // promtool writes ALERTS from the first evaluation
                }
            }
        }
        String name = test.string("name", "");
        String testName = name.isEmpty() ? "" : "    name: " + name + ",\n";
        // Alert tests by time.
        TreeMap<Long, List<YamlMap>> alertTests = new TreeMap<>();
        for (YamlMap a : test.maps("alert_rule_test")) {
            alertTests.computeIfAbsent(duration(a, "eval_time", 0), k -> new ArrayList<>()).add(a);
        }
        long maxEval = alertTests.isEmpty() ? 0 : alertTests.lastKey();
        List<String> errors = new ArrayList<>();
        for (long ts = 0; ts <= maxEval; ts += evalInterval) {
            List<String> evalErrors = new ArrayList<>();
            for (RuleGroup g : groups) {
                g.eval(ts, ctx, () -> appender(storage), null);
                for (Rule r : g.rules()) {
                    if (!r.lastError().isEmpty() && r.lastEvaluation() == ts) {
                        evalErrors.add("    rule: " + r.name() + ", time: " + PromDuration.format(
                                java.time.Duration.ofMillis(ts)) + ", err: " + r.lastError());
                    }
                }
            }
            errors.addAll(evalErrors);
            if (!evalErrors.isEmpty()) {
                return errors;
            }
            for (Map.Entry<Long, List<YamlMap>> e : alertTests.subMap(ts, true, ts + evalInterval, false).entrySet()) {
                for (YamlMap t : e.getValue()) {
                    String alertname = t.string("alertname", "");
                    List<String> got = new ArrayList<>();
                    for (RuleGroup g : groups) {
                        for (Rule r : g.rules()) {
                            if (r instanceof AlertingRule ar && ar.name().equals(alertname)) {
                                for (Alert a : ar.activeAlerts()) {
                                    if (a.state() == Alert.State.FIRING) {
                                        got.add(entry(a.labels(), Labels.of(a.annotations())));
                                    }
                                }
                            }
                        }
                    }
                    List<String> exp = new ArrayList<>();
                    for (YamlMap x : t.maps("exp_alerts")) {
                        Map<String, String> lbls = new TreeMap<>(x.stringMap("exp_labels"));
                        lbls.put("alertname", alertname);
                        exp.add(entry(Labels.of(lbls), Labels.of(x.stringMap("exp_annotations"))));
                    }
                    got.sort(null);
                    exp.sort(null);
                    if (!got.equals(exp)) {
                        errors.add(testName + "    alertname: " + alertname + ", time: "
                                + PromDuration.format(java.time.Duration.ofMillis(e.getKey())) + ", \n        exp:"
                                + indent(list(exp), "            ") + ", \n        got:" + indent(list(got), "            "));
                    }
                }
            }
        }
        for (YamlMap t : test.maps("promql_expr_test")) {
            errors.addAll(exprTest(t, engine, storage));
        }
        return errors;
    }

    private static List<String> exprTest(YamlMap t, Engine engine, MemoryStorage storage) throws ConfigException {
        String expr = t.string("expr", "");
        long at = duration(t, "eval_time", 0);
        String time = PromDuration.format(java.time.Duration.ofMillis(at));
        List<Sample> got;
        try {
            got = new RuleQuery(engine, storage).query(Parser.parseExpr(expr), at);
        } catch (ParseException | QueryException | IllegalStateException e) {
            return List.of("    expr: " + goQuote(expr) + ", time: " + time + ", err: " + e.getMessage());
        }
        List<String> gotSamples = new ArrayList<>();
        for (Sample s : got) {
            gotSamples.add(s.metric() + " " + formatE(s.v()));
        }
        List<String> expSamples = new ArrayList<>();
        for (YamlMap s : t.maps("exp_samples")) {
            List<Matcher> matchers;
            try {
                matchers = Parser.parseMetricSelector(s.string("labels", ""));
            } catch (ParseException e) {
                return List.of("    expr: " + goQuote(expr) + ", time: " + time + ", err: labels "
                        + goQuote(s.string("labels", "")) + ": " + e.getMessage());
            }
            Labels.Builder b = Labels.builder();
            for (Matcher m : matchers) {
                b.set(m.name(), m.value());
            }
            expSamples.add(b.build() + " " + formatE(Double.parseDouble(s.string("value", "0"))));
        }
        gotSamples.sort(null);
        expSamples.sort(null);
        if (!gotSamples.equals(expSamples)) {
            return List.of("    expr: " + goQuote(expr) + ", time: " + time + ",\n        exp: " + samples(expSamples)
                    + "\n        got: " + samples(gotSamples));
        }
        return List.of();
    }

    private static Appender appender(MemoryStorage storage) {
        return new Appender() {
            @Override
            public long append(long ref, Labels labels, long timestamp, double value) {
                storage.add(labels, timestamp, value);
                return 0;
            }

            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
            }
        };
    }

    private static String entry(Labels labels, Labels annotations) {
        return "Labels:" + labels + "\nAnnotations:" + annotations;
    }

    private static String list(List<String> entries) {
        if (entries.isEmpty()) {
            return "[]";
        }
        StringBuilder s = new StringBuilder("[\n0:").append(indent("\n" + entries.get(0), "  "));
        for (int i = 1; i < entries.size(); i++) {
            s.append(",\n").append(i).append(':').append(indent("\n" + entries.get(i), "  "));
        }
        return s.append("\n]").toString();
    }

    private static String indent(String text, String prefix) {
        return text.replace("\n", "\n" + prefix);
    }

    private static String samples(List<String> s) {
        return s.isEmpty() ? "nil" : String.join(", ", s);
    }

    /** Go's {@code strconv.FormatFloat(v, 'E', -1, 64)}. */
    private static String formatE(double v) {
        return dev.vigil.model.GoFloats.formatE(v).toUpperCase(java.util.Locale.ROOT).replace("INF", "Inf")
                .replace("NAN", "NaN");
    }

    private static String goQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
