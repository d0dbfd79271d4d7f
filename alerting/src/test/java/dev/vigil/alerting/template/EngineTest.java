package dev.vigil.alerting.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** text/template semantics, case by case; expectations are what Go 1.20's text/template prints. */
class EngineTest {
    public record Alert(String status, Map<String, String> labels) {
    }

    /** Alertmanager's Alerts: a list that also answers {@code .Firing}. */
    public static class Alerts extends ArrayList<Alert> {
        public Alerts(List<Alert> alerts) {
            super(alerts);
        }

        public List<Alert> firing() {
            return stream().filter(a -> a.status().equals("firing")).toList();
        }
    }

    public static class Greeter {
        public String Greet(String who) {
            return "hi " + who;
        }
    }

    static Map<String, Object> data() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("Name", "web");
        d.put("Count", 3L);
        d.put("Ratio", 0.5);
        d.put("Empty", "");
        d.put("Zero", 0L);
        d.put("List", List.of("a", "b", "c"));
        d.put("EmptyList", List.of());
        d.put("Map", Map.of("b", "2", "a", "1"));
        d.put("Nested", Map.of("Inner", Map.of("X", "deep")));
        d.put("Alerts", new Alerts(List.of(new Alert("firing", Map.of("alertname", "A")),
                new Alert("resolved", Map.of("alertname", "B")))));
        d.put("Obj", new Greeter());
        d.put("Big", 1234567.0);
        d.put("Mid", 123456.0);
        d.put("Small", 0.0001);
        d.put("Tiny", 0.00001);
        return d;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("hello", "hello"),
                Arguments.of("{{.Name}}", "web"),
                Arguments.of("{{ .Count }}", "3"),
                Arguments.of("{{.Ratio}}", "0.5"),
                Arguments.of("{{.Missing}}", "<no value>"),
                Arguments.of("{{.Nested.Inner.X}}", "deep"),
                Arguments.of("{{.List}}", "[a b c]"),
                Arguments.of("{{.Map}}", "map[a:1 b:2]"),
                Arguments.of("{{ 1 }}", "1"),
                Arguments.of("{{ 1.5 }}", "1.5"),
                Arguments.of("{{ 1e6 }}", "1e+06"),
                Arguments.of("{{ 0x1F }}", "31"),
                Arguments.of("{{ 'a' }}", "97"),
                Arguments.of("{{ \"a\\tb\" }}", "a\tb"),
                Arguments.of("{{ `raw\\n` }}", "raw\\n"),
                Arguments.of("{{ true }}", "true"),
                Arguments.of("{{ -3 }}", "-3"),
                Arguments.of("a {{- \" b \" -}} c", "a b c"),
                Arguments.of("a  {{- 1 }}  b", "a1  b"),
                Arguments.of("{{-3}}", "-3"),
                Arguments.of("{{/* comment */}}x", "x"),
                Arguments.of("a {{- /* c */ -}} b", "ab"),
                Arguments.of("{{ if .Name }}yes{{ end }}", "yes"),
                Arguments.of("{{ if .Empty }}yes{{ else }}no{{ end }}", "no"),
                Arguments.of("{{ if .Zero }}a{{ else if .Count }}b{{ else }}c{{ end }}", "b"),
                Arguments.of("{{ if .Zero }}a{{ else if .Empty }}b{{ else }}c{{ end }}", "c"),
                Arguments.of("{{ if .EmptyList }}a{{ else }}b{{ end }}", "b"),
                Arguments.of("{{ if .Missing }}a{{ else }}b{{ end }}", "b"),
                Arguments.of("{{ if 0.0 }}a{{ else }}b{{ end }}", "b"),
                Arguments.of("{{ if .Map }}a{{ end }}", "a"),
                Arguments.of("{{ range .List }}[{{ . }}]{{ end }}", "[a][b][c]"),
                Arguments.of("{{ range $i, $e := .List }}{{ $i }}={{ $e }} {{ end }}", "0=a 1=b 2=c "),
                Arguments.of("{{ range $k, $v := .Map }}{{ $k }}:{{ $v }};{{ end }}", "a:1;b:2;"),
                Arguments.of("{{ range .Map }}{{ . }}{{ end }}", "12"),
                Arguments.of("{{ range .EmptyList }}x{{ else }}none{{ end }}", "none"),
                Arguments.of("{{ range .Missing }}x{{ else }}none{{ end }}", "none"),
                Arguments.of("{{ range $e := .List }}{{ $e }}{{ end }}", "abc"),
                Arguments.of("{{ range .List }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "a"),
                Arguments.of("{{ range .List }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}", "ac"),
                Arguments.of("{{ range $i, $e := .List }}{{ if $i }}, {{ end }}{{ $e }}{{ end }}", "a, b, c"),
                Arguments.of("{{ with .Name }}{{ . }}!{{ end }}", "web!"),
                Arguments.of("{{ with .Empty }}x{{ else }}empty{{ end }}", "empty"),
                Arguments.of("{{ with $x := .Name }}{{ $x }}{{ end }}", "web"),
                Arguments.of("{{ $x := 5 }}{{ $x }}", "5"),
                Arguments.of("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"),
                Arguments.of("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "2"),
                Arguments.of("{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}", "21"),
                Arguments.of("{{ $.Name }}", "web"),
                Arguments.of("{{ range .List }}{{ $.Name }}{{ end }}", "webwebweb"),
                Arguments.of("{{ $m := .Map }}{{ $m.a }}", "1"),
                Arguments.of("{{ .Name | printf \"%s!\" }}", "web!"),
                Arguments.of("{{ \"x\" | printf \"%s-%s\" \"y\" }}", "y-x"),
                Arguments.of("{{ 3 | printf \"%d-%d\" 4 }}", "4-3"),
                Arguments.of("{{ printf \"%d\" (len .List) }}", "3"),
                Arguments.of("{{ len .Name }}", "3"),
                Arguments.of("{{ len \"h\u00e9llo\" }}", "6"),
                Arguments.of("{{ len .Map }}", "2"),
                Arguments.of("{{ index .List 1 }}", "b"),
                Arguments.of("{{ index .Map \"a\" }}", "1"),
                Arguments.of("{{ index .Nested \"Inner\" \"X\" }}", "deep"),
                Arguments.of("{{ index \"abc\" 1 }}", "98"),
                Arguments.of("{{ and 1 0 2 }}", "0"),
                Arguments.of("{{ and 1 2 }}", "2"),
                Arguments.of("{{ or 0 \"\" \"x\" }}", "x"),
                Arguments.of("{{ or 0 \"\" }}", ""),
                Arguments.of("{{ and 0 (index .List 99) }}", "0"),
                Arguments.of("{{ not 0 }}", "true"),
                Arguments.of("{{ not .List }}", "false"),
                Arguments.of("{{ eq 1 1 }}", "true"),
                Arguments.of("{{ eq \"a\" \"b\" \"a\" }}", "true"),
                Arguments.of("{{ eq .Name \"web\" }}", "true"),
                Arguments.of("{{ ne 1 2 }}", "true"),
                Arguments.of("{{ lt 1 2 }}", "true"),
                Arguments.of("{{ le 2 2 }}", "true"),
                Arguments.of("{{ gt 1.5 2.5 }}", "false"),
                Arguments.of("{{ ge \"b\" \"a\" }}", "true"),
                Arguments.of("{{ if and .Name (gt .Count 2) }}ok{{ end }}", "ok"),
                Arguments.of("{{ if or .Empty (eq .Name \"web\") }}ok{{ end }}", "ok"),
                Arguments.of("{{ print 1 2 \"a\" \"b\" 3 }}", "1 2ab3"),
                Arguments.of("{{ println 1 \"a\" }}", "1 a\n"),
                Arguments.of("{{ html \"<a href='x'>&\" }}", "&lt;a href=&#39;x&#39;&gt;&amp;"),
                Arguments.of("{{ js \"it's <b>\" }}", "it\\'s \\u003Cb\\u003E"),
                Arguments.of("{{ urlquery \"a b&c=d/\u00e9~\" }}", "a+b%26c%3Dd%2F%C3%A9~"),
                Arguments.of("{{ define \"d\" }}T{{ . }}{{ end }}{{ template \"d\" .Name }}", "Tweb"),
                Arguments.of("{{ define \"d\" }}T{{ . }}{{ end }}{{ template \"d\" }}", "T<no value>"),
                Arguments.of("{{ block \"b\" .Count }}B{{ . }}{{ end }}", "B3"),
                Arguments.of("{{ define \"x\" }}{{ $.Name }}{{ end }}{{ template \"x\" . }}", "web"),
                Arguments.of("{{ (.Name) }}", "web"),
                Arguments.of("{{ (index .Nested \"Inner\").X }}", "deep"),
                Arguments.of("{{ printf \"%s\" .Count }}", "%!s(int=3)"),
                Arguments.of("{{ printf \"%d %d\" 1 }}", "1 %!d(MISSING)"),
                Arguments.of("{{ printf \"%d\" 1 2 }}", "1%!(EXTRA int=2)"),
                Arguments.of("{{ printf \"%5.2f|%-4d|%04d|%+d|%x|%X|%o|%b\" 3.14159 7 7 7 255 255 8 5 }}",
                        " 3.14|7   |0007|+7|ff|FF|10|101"),
                Arguments.of("{{ printf \"%q\" \"a\\\"b\\n\" }}", "\"a\\\"b\\n\""),
                Arguments.of("{{ printf \"%v %v %v\" true nil .List }}", "true <nil> [a b c]"),
                Arguments.of("{{ printf \"%e|%E|%g|%.3g|%G\" 123456.789 0.000123 1e21 1234.5678 1e-10 }}",
                        "1.234568e+05|1.230000E-04|1e+21|1.23e+03|1E-10"),
                Arguments.of("{{ printf \"%.0f|%.1f|%.2f|%f\" 2.5 0.25 1.005 1.0 }}", "2|0.2|1.00|1.000000"),
                Arguments.of("{{ printf \"%t %t\" true 1 }}", "true %!t(int=1)"),
                Arguments.of("{{ printf \"%s|%10s|%-10s|%.2s\" \"go\" \"go\" \"go\" \"golang\" }}",
                        "go|        go|go        |go"),
                Arguments.of("{{ printf \"%c %U\" 65 65 }}", "A U+0041"),
                Arguments.of("{{ printf \"%x %X\" \"hi\" \"hi\" }}", "6869 6869"),
                Arguments.of("{{ printf \"100%%\" }}", "100%"),
                Arguments.of("{{ printf \"%d\" 1.5 }}", "%!d(float64=1.5)"),
                Arguments.of("{{ printf \"%s\" .List }}", "[a b c]"),
                Arguments.of("{{ printf \"%08.3f|%+.1e\" -3.14159 12345.0 }}", "-003.142|+1.2e+04"),
                Arguments.of("{{ len .Alerts.Firing }}", "1"),
                Arguments.of("{{ range .Alerts.Firing }}{{ .Labels.alertname }}{{ end }}", "A"),
                Arguments.of("{{ range .Alerts }}{{ .Status }} {{ end }}", "firing resolved "),
                Arguments.of("{{ .Obj.Greet \"bob\" }}", "hi bob"),
                Arguments.of("{{ \"bob\" | .Obj.Greet }}", "hi bob"),
                Arguments.of("{{- if true -}}\n  x\n{{- end -}}\n", "x"),
                Arguments.of("{{ .Big }}|{{ .Mid }}|{{ .Small }}|{{ .Tiny }}", "1.234567e+06|123456|0.0001|1e-05"),
                Arguments.of("{{ 100000000000000000000.0 }}", "1e+20"),
                // Go strings are bytes: hex and octal escapes are bytes, \\u and \\U runes.
                Arguments.of("{{ \"\\xe2\\x82\\xac\" }}", "\u20ac"),
                Arguments.of("{{ len \"\\xe2\\x82\\xac\" }}", "3"),
                Arguments.of("{{ \"\\342\\202\\254|\\101\\x41\" }}", "\u20ac|AA"),
                Arguments.of("{{ \"\\u00e9\\U0001F600\" }}", "\u00e9\uD83D\uDE00"),
                Arguments.of("{{ \"\\t|\\\\|\\\"\" }}", "\t|\\|\""),
                Arguments.of("{{ '\\x41' }} {{ '\\xe9' }} {{ '\\351' }} {{ '\\'' }}", "65 233 233 39"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expands(String text, String want) throws TemplateException {
        assertEquals(want, Template.expand("t", text, data(), Map.of()));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("{{ foo }}", "template: t:1: function \"foo\" not defined"),
                Arguments.of("a\n{{ foo }}", "template: t:2: function \"foo\" not defined"),
                Arguments.of("{{ if true }}", "template: t:1: unexpected EOF"),
                Arguments.of("{{ define \"t\" }}a{{ end }}b",
                        "template: t:1: template: multiple definition of template \"t\""),
                Arguments.of("{{ end }}", "template: t:1: unexpected {{end}}"),
                Arguments.of("{{ '' }}", "template: t:1: malformed character constant: ''"),
                Arguments.of("{{ 'ab' }}", "template: t:1: malformed character constant: 'ab'"),
                Arguments.of("{{ \"\\q\" }}", "template: t:1: invalid syntax"),
                Arguments.of("{{ \"\\x4\" }}", "template: t:1: invalid syntax"),
                Arguments.of("{{ \"\\400\" }}", "template: t:1: invalid syntax"),
                Arguments.of("{{ \"\\uD800\" }}", "template: t:1: invalid syntax"),
                Arguments.of("{{ \"\\U00110000\" }}", "template: t:1: invalid syntax"),
                Arguments.of("{{ \"\\'\" }}", "template: t:1: invalid syntax"),
                Arguments.of("{{ '\\\"' }}", "template: t:1: malformed character constant: '\\\"'"),
                Arguments.of("{{ else }}", "template: t:1: unexpected {{else}}"),
                Arguments.of("{{ $x }}", "template: t:1: undefined variable \"$x\""),
                Arguments.of("{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}", "template: t:1: undefined variable \"$x\""),
                Arguments.of("{{ .Name ", "template: t:1: unclosed action"),
                Arguments.of("x\n{{ index .List 5 }}",
                        "template: t:2:3: executing \"t\" at <index .List 5>: error calling index: index out of range: 5"),
                Arguments.of("{{ gt 1.5 1 }}",
                        "template: t:1:3: executing \"t\" at <gt 1.5 1>: error calling gt: incompatible types for comparison"),
                Arguments.of("{{ len 3 }}", "template: t:1:3: executing \"t\" at <len 3>: error calling len: len of type int"),
                Arguments.of("{{ .Name.Foo }}",
                        "template: t:1:3: executing \"t\" at <.Name.Foo>: can't evaluate field Foo in type string"),
                Arguments.of("{{ template \"nope\" }}",
                        "template: t:1:12: executing \"t\" at <{{template \"nope\"}}>: template \"nope\" not defined"),
                Arguments.of("{{ printf }}",
                        "template: t:1:3: executing \"t\" at <printf>: wrong number of args for printf: want at least 1 got 0"),
                Arguments.of("{{ nil }}", "template: t:1:3: executing \"t\" at <nil>: nil is not a command"),
                Arguments.of("{{ range .Count }}{{ end }}",
                        "template: t:1:3: executing \"t\" at <range>: range can't iterate over 3"),
                Arguments.of("{{ printf \"%s %s %s %s\" \"aaaaaaaaaa\" 1 }}{{ lt true false }}",
                        "template: t:1:44: executing \"t\" at <lt true false>: error calling lt: invalid type for comparison"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void fails(String text, String want) {
        TemplateException e = assertThrows(TemplateException.class, () -> Template.expand("t", text, data(), Map.of()));
        assertEquals(want, e.getMessage());
    }
}
