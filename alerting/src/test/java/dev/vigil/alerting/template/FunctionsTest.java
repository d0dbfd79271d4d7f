package dev.vigil.alerting.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.alerting.template.QueryFunction.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus' and Alertmanager's function sets; formats as template/template.go writes them. */
class FunctionsTest {
    static final QueryFunction QUERY = expr -> expr.equals("none") ? List.of() : List.of(
            new Sample(Map.of("instance", "b", "__value__", "sv"), 2.5),
            new Sample(Map.of("instance", "a"), 1));

    static Stream<Arguments> prometheus() {
        return Stream.of(
                Arguments.of("{{ humanize 1234567 }}", "1.235M"),
                Arguments.of("{{ humanize 0.001234 }}", "1.234m"),
                Arguments.of("{{ humanize 1234.5 }}", "1.234k"),
                Arguments.of("{{ humanize 0 }}", "0"),
                Arguments.of("{{ humanize \"2e3\" }}", "2k"),
                Arguments.of("{{ humanize1024 1048576 }}", "1Mi"),
                Arguments.of("{{ humanize1024 1536 }}", "1.5ki"),
                Arguments.of("{{ humanizeDuration 90 }}", "1m 30s"),
                Arguments.of("{{ humanizeDuration 3661 }}", "1h 1m 1s"),
                Arguments.of("{{ humanizeDuration 0.25 }}", "250ms"),
                Arguments.of("{{ humanizeDuration 1.5 }}", "1.5s"),
                Arguments.of("{{ humanizePercentage 0.1234 }}", "12.34%"),
                Arguments.of("{{ humanizePercentage 0.98765 }}", "98.77%"),
                Arguments.of("{{ humanizeTimestamp 1435065584.128 }}", "2015-06-23 13:19:44.128 +0000 UTC"),
                Arguments.of("{{ (toTime 60).Unix }}", "60"),
                Arguments.of("{{ title \"aa bb-cc\" }}", "Aa Bb-Cc"),
                Arguments.of("{{ toUpper \"ab\" }}{{ toLower \"CD\" }}", "ABcd"),
                Arguments.of("{{ reReplaceAll \"x(\\\\d+)\" \"y$1\" \"x12 x3\" }}", "y12 y3"),
                Arguments.of("{{ match \"a.c\" \"xabcx\" }}", "true"),
                Arguments.of("{{ stripPort \"host:80\" }}|{{ stripDomain \"host.example.com:80\" }}", "host|host:80"),
                Arguments.of("{{ graphLink \"up\" }}|{{ tableLink \"a b\" }}", "/graph?g0.expr=up&g0.tab=0|/graph?g0.expr=a+b&g0.tab=1"),
                Arguments.of("{{ (args 1 \"x\").arg1 }}", "x"),
                Arguments.of("{{ query \"q\" | first | value }}", "2.5"),
                Arguments.of("{{ query \"q\" | first | strvalue }}", "sv"),
                Arguments.of("{{ range query \"q\" | sortByLabel \"instance\" }}{{ label \"instance\" . }}{{ end }}", "ab"),
                Arguments.of("{{ externalURL }}|{{ pathPrefix }}", "http://prom.example:9090/prefix|/prefix"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prometheus")
    void prometheusFunctions(String text, String want) throws TemplateException {
        Map<String, TemplateFunction> f = PrometheusFunctions.create(QUERY, "http://prom.example:9090/prefix");
        assertEquals(want, Template.text(f, true).parse("t", text).execute("t", null));
    }

    @Test
    void functionErrorsAreGoErrors() {
        Map<String, TemplateFunction> f = PrometheusFunctions.create(QUERY, null);
        TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> Template.text(f, true).parse("t", "{{ query \"none\" | first }}").execute("t", null));
        assertEquals("template: t:1:18: executing \"t\" at <first>: error calling first: "
                + "first() called on vector with no elements", e.getMessage());
    }

    static Stream<Arguments> alertmanager() {
        return Stream.of(
                Arguments.of("{{ title \"hello wORLD\" }}", "Hello World"),
                Arguments.of("{{ toUpper \"firing\" }}", "FIRING"),
                Arguments.of("{{ join \", \" (stringSlice \"a\" \"b\") }}", "a, b"),
                Arguments.of("{{ stringSlice \"a\" \"b\" | join \"-\" }}", "a-b"),
                Arguments.of("{{ trimSpace \"  x \" }}", "x"),
                Arguments.of("{{ reReplaceAll \"-\" \"_\" \"a-b-c\" }}", "a_b_c"),
                Arguments.of("{{ match \"^a\" \"abc\" }}", "true"),
                Arguments.of("{{ safeHtml \"<b>\" }}", "<b>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alertmanager")
    void alertmanagerFunctions(String text, String want) throws TemplateException {
        assertEquals(want, Template.text(AlertmanagerFunctions.create(), true).executeString(text, null));
    }

    /** Alertmanager's KV: a sorted map with methods, alertname first in SortedPairs. */
    public static class KV extends TreeMap<String, String> {
        KV(Map<String, String> m) {
            super(m);
        }

        public record Pair(String name, String value) {
        }

        public static class Pairs extends ArrayList<Pair> {
            public List<String> values() {
                return stream().map(Pair::value).toList();
            }
        }

        public Pairs sortedPairs() {
            Pairs out = new Pairs();
            if (containsKey("alertname")) {
                out.add(new Pair("alertname", get("alertname")));
            }
            forEach((k, v) -> {
                if (!k.equals("alertname")) {
                    out.add(new Pair(k, v));
                }
            });
            return out;
        }

        public List<String> names() {
            return sortedPairs().stream().map(Pair::name).toList();
        }

        public List<String> values() {
            return sortedPairs().values();
        }

        public KV remove(List<String> keys) {
            KV out = new KV(this);
            keys.forEach(out.keySet()::remove);
            return out;
        }
    }

    public record Alert(String status, KV labels) {
    }

    public static class Alerts extends ArrayList<Alert> {
        Alerts(List<Alert> a) {
            super(a);
        }

        public List<Alert> firing() {
            return stream().filter(a -> a.status().equals("firing")).toList();
        }
    }

    public record Data(String status, Alerts alerts, KV groupLabels, KV commonLabels) {
    }

    @Test
    void alertmanagerDefaultSubject() throws TemplateException {
        // Alertmanager's default.tmpl "__subject", verbatim in structure
        String tmpl = "{{ define \"__subject\" }}[{{ .Status | toUpper }}{{ if eq .Status \"firing\" }}:"
                + "{{ .Alerts.Firing | len }}{{ end }}] {{ .GroupLabels.SortedPairs.Values | join \" \" }} "
                + "{{ if gt (len .CommonLabels) (len .GroupLabels) }}({{ with .CommonLabels.Remove .GroupLabels.Names }}"
                + "{{ .Values | join \" \" }}{{ end }}){{ end }}{{ end }}";
        KV common = new KV(Map.of("alertname", "HighLatency", "job", "api", "env", "prod"));
        Data d = new Data("firing", new Alerts(List.of(new Alert("firing", common), new Alert("firing", common),
                new Alert("resolved", common))), new KV(Map.of("alertname", "HighLatency")), common);
        Template t = Template.text(AlertmanagerFunctions.create(), true).parse("default.tmpl", tmpl);
        assertEquals("[FIRING:2] HighLatency (prod api)", t.executeString("{{ template \"__subject\" . }}", d));
        assertEquals("alertname=HighLatency env=prod job=api ",
                t.executeString("{{ range .CommonLabels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}", d));
    }

    @Test
    void htmlModeEscapesUnlessSafe() throws TemplateException {
        Template t = Template.html(AlertmanagerFunctions.create(), true)
                .parse("e", "<b>{{ .X }}</b>{{ safeHtml .X }}{{ .Missing }}");
        assertEquals("<b>&lt;i&gt;&amp;&#34;</b><i>&\"", t.execute("e", Map.of("X", "<i>&\"")));
    }

    @Test
    void ruleTemplatesExpandWithDefs() {
        Map<String, String> labels = Map.of("instance", "web-1:9090", "job", "api");
        assertEquals("web-1:9090 of api is 1.234k (ext prod)", RuleTemplates.expand(
                "{{ $labels.instance }} of {{ .Labels.job }} is {{ $value | humanize }} (ext {{ $externalLabels.env }})",
                labels, 1234.5, Map.of("env", "prod"), "http://x", null));
        assertEquals("<error expanding template: error parsing template __alert_R: template: __alert_R:1: "
                + "function \"foo\" not defined>", RuleTemplates.expand("R", "{{ foo }}", labels, 1, Map.of(), null, null));
        assertEquals("<error expanding template: error executing template __alert_: template: __alert_:1:115: "
                + "executing \"__alert_\" at <query \"up\">: error calling query: query function not available>",
                RuleTemplates.expand("{{ query \"up\" }}", labels, 1, Map.of(), null, null));
    }
}
