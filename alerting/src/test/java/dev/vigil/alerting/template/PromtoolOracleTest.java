package dev.vigil.alerting.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.alerting.template.QueryFunction.Sample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus as the oracle: each case becomes an annotation of one alerting rule, a
 * {@code promtool test rules} run expects a wrong annotation on purpose, and the annotations it
 * prints as "got" are Prometheus' own expansions, compared with {@link RuleTemplates}.
 */
class PromtoolOracleTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    static final List<String> CASES = List.of(
            "{{ $value }}|{{ humanize $value }}|{{ printf \"%.2f\" $value }}",
            "{{ humanize 1234567 }}|{{ humanize 0.001234 }}|{{ humanize -0.0012345 }}|{{ humanize 0 }}|{{ humanize 1e30 }}",
            "{{ humanize 999.95 }}|{{ humanize 1000 }}|{{ humanize \"1234\" }}|{{ humanize 0.5 }}|{{ humanize 1e-30 }}",
            "{{ humanize1024 1048576 }}|{{ humanize1024 1500 }}|{{ humanize1024 -1 }}|{{ humanize1024 0.5 }}|{{ humanize1024 1e30 }}",
            "{{ humanizeDuration 90 }}|{{ humanizeDuration 3700.5 }}|{{ humanizeDuration 0.0015 }}|{{ humanizeDuration 1.2345 }}",
            "{{ humanizeDuration 90061 }}|{{ humanizeDuration -5 }}|{{ humanizeDuration 0 }}|{{ humanizeDuration 59.99 }}|{{ humanizeDuration 0.000000123 }}",
            "{{ humanizePercentage 0.1234 }}|{{ humanizePercentage 0.5 }}|{{ humanizePercentage 1 }}|{{ humanizePercentage 0.000012345 }}",
            "{{ humanizeTimestamp 1679000000.123 }}|{{ humanizeTimestamp 0 }}|{{ humanizeTimestamp 1.5 }}|{{ toTime 86400 }}",
            "{{ printf \"%s=%q\" \"a\" \"b\" }}|{{ printf \"%5.1f|%-6s|%03d|%x|%e|%g|%v|%t\" 3.14159 \"ab\" 7 255 1234.5678 0.000012345 2.5 true }}",
            "{{ printf \"%d\" $value }}|{{ printf \"%s\" 1 }}|{{ printf \"%d %d\" 1 }}|{{ printf \"%d\" 1 2 }}|{{ printf \"%.3e|%G|%+.1f\" 123456.0 1e-7 2.25 }}",
            "{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}",
            "{{ range $labels }}[{{ . }}]{{ end }}|{{ len $labels }}|{{ $labels }}|{{ $externalLabels }}",
            "{{ if gt $value 1000.0 }}big{{ else if gt $value 10.0 }}mid{{ else }}small{{ end }}",
            "{{ if eq $labels.job \"api\" }}api{{ end }}|{{ if ne $labels.missing \"\" }}set{{ else }}unset{{ end }}|[{{ $labels.missing }}]",
            "{{ reReplaceAll \"(.*):.*\" \"$1\" $labels.instance }}|{{ reReplaceAll \"(?P<host>[a-z]+)-(\\\\d)\" \"${host}_$2x\" \"web-1\" }}|{{ reReplaceAll \"a*\" \"-\" \"baac\" }}",
            "{{ title \"hello wORLD foo-bar x_y\" }}|{{ toUpper \"abc\" }}|{{ toLower \"ABC\" }}|{{ match \"^web\" $labels.instance }}|{{ match \"^x\" \"y\" }}",
            "{{ stripPort $labels.instance }}|{{ stripPort \"[::1]:80\" }}|{{ stripPort \"nohost\" }}|{{ stripDomain $labels.instance }}|{{ stripDomain \"10.0.0.1:80\" }}|{{ stripDomain \"a.b\" }}",
            "{{ graphLink \"rate(x{a=\\\"b\\\"}[5m])\" }}|{{ tableLink \"up == 0\" }}",
            "{{ with args 1 \"a\" }}{{ .arg0 }}-{{ .arg1 }}-{{ .arg2 }}{{ end }}|{{ index (args 1 2) \"arg1\" }}",
            "{{ with query \"oracle_metric\" }}{{ . | first | value | humanize }}|{{ . | first | label \"job\" }}{{ end }}",
            "{{ range query \"oracle_metric\" | sortByLabel \"instance\" }}{{ .Labels.instance }}={{ .Value }}{{ end }}",
            "{{ 1e6 }}|{{ 1e20 }}|{{ 123456.0 }}|{{ 0.0001 }}|{{ 0.00001 }}|{{ 1.5 }}|{{ 100 }}|{{ -0.0 }}",
            "{{ len \"h\u00e9\" }}|{{ index \"abc\" 0 }}|{{ and 1 0 }}|{{ or 0 \"x\" }}|{{ not true }}|{{ print 1 2 \"a\" 3 }}|{{ println \"a\" 1 }}",
            "{{ html \"<a&'\\\"\" }}|{{ js \"a'b<\" }}|{{ urlquery \"a b/\u00e9\" }}|{{ safeHtml \"<b>\" }}",
            "a {{- \" b \" -}} c {{/* comment */}}|{{- /* trimmed */ -}}|x",
            "{{ define \"sub\" }}<{{ . }}>{{ end }}{{ template \"sub\" $labels.job }}{{ template \"sub\" }}",
            "{{ $x := 1 }}{{ range $labels }}{{ $x = 2 }}{{ end }}{{ $x }}|{{ with $labels.job }}{{ . }}{{ end }}",
            "{{ humanize \"abc\" }}",
            "{{ gt $value 1 }}",
            "{{ index $labels }}",
            "{{ len 3 }}",
            "x {{ $labels.job.foo }}",
            "{{ range $i, $e := (args \"a\" \"b\") }}{{ $i }}{{ $e }}{{ end }}|{{ printf \"%v\" (args 1) }}",
            "{{ printf \"%08.3f|%x|%X|%q|%c|%5t|%-5d|\" -3.14159 \"hi\" 255 \"\\t\" 65 true 42 }}",
            "{{ humanize 1234.5 }}|{{ humanize 12345678901234 }}|{{ humanize -1234567 }}|{{ humanize 0.000000001234 }}");

    static final Map<String, String> LABELS = new TreeMap<>(Map.of(
            "__name__", "oracle_metric", "job", "api", "instance", "web-1.example.com:9090", "path", "/a b"));
    static final double VALUE = 1234.5678;

    @Test
    void expansionsMatchPrometheus(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed");
        StringBuilder rules = new StringBuilder("groups:\n- name: oracle\n  rules:\n  - alert: Oracle\n"
                + "    expr: oracle_metric > 0\n    annotations:\n");
        for (int k = 0; k < CASES.size(); k++) {
            rules.append("      ").append(key(k)).append(": ").append(yamlQuote(CASES.get(k))).append('\n');
        }
        Files.writeString(dir.resolve("rules.yml"), rules);
        Files.writeString(dir.resolve("test.yml"), """
                rule_files: [rules.yml]
                evaluation_interval: 1m
                tests:
                - interval: 1m
                  input_series:
                  - series: 'oracle_metric{job="api",instance="web-1.example.com:9090",path="/a b"}'
                    values: '1234.5678'
                  alert_rule_test:
                  - eval_time: 0m
                    alertname: Oracle
                    exp_alerts:
                    - exp_labels: {job: api, instance: "web-1.example.com:9090", path: "/a b"}
                      exp_annotations: {deliberately: wrong}
                """);
        Process p = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", "test.yml").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Map<String, String> got = parseGotAnnotations(out);
        assertEquals(CASES.size(), got.size(), out);

        QueryFunction query = expr -> List.of(new Sample(LABELS, VALUE));
        List<String> diffs = new ArrayList<>();
        for (int k = 0; k < CASES.size(); k++) {
            String ours = RuleTemplates.expand("Oracle", CASES.get(k), LABELS, VALUE, Map.of(), null, query);
            if (!got.get(key(k)).equals(ours)) {
                diffs.add(CASES.get(k) + "\n  prometheus: " + got.get(key(k)) + "\n  ours:       " + ours);
            }
        }
        assertEquals(List.of(), diffs, String.join("\n", diffs));
    }

    private static String key(int k) {
        return String.format("a%02d", k);
    }

    private static String yamlQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The {@code Annotations:{k="v", ...}} after "got:", values in Go's quoted form. */
    static Map<String, String> parseGotAnnotations(String out) {
        int got = out.indexOf("got:");
        int start = out.indexOf("Annotations:{", got) + "Annotations:{".length();
        Map<String, String> result = new LinkedHashMap<>();
        int k = start;
        while (k < out.length() && out.charAt(k) != '}') {
            int eq = out.indexOf('=', k);
            String name = out.substring(k, eq);
            int end = eq + 2;
            while (out.charAt(end) != '"') {
                end += out.charAt(end) == '\\' ? 2 : 1;
            }
            String quoted = out.substring(eq + 1, end + 1);
            try {
                result.put(name, Literals.unquote(quoted));
            } catch (Literals.InvalidSyntaxException e) {
                throw new AssertionError("promtool printed an annotation Go cannot unquote: " + quoted, e);
            }
            k = end + 1;
            if (out.startsWith(", ", k)) {
                k += 2;
            }
        }
        return result;
    }
}
