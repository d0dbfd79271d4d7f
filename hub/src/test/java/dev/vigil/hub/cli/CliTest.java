package dev.vigil.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return rc + "\n" + out.toString(StandardCharsets.UTF_8) + "--\n" + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkConfig() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yml"), "global: {scrape_interval: 15s}\n");
        assertEquals("0\nChecking " + good + "\n SUCCESS: " + good + " is valid prometheus config file syntax\n\n--\n",
                run("check", "config", good.toString()));
        Path bad = Files.writeString(dir.resolve("bad.yml"), "global:\n  scrape_interval: 15s\n  foo: 2\n");
        String out = run("check", "config", bad.toString());
        assertEquals("1\nChecking " + bad + "\n\n--\n  FAILED: " + bad + ":3: ", out.substring(0, out.indexOf(":3: ") + 4));
    }

    @Test
    void checkRules() throws Exception {
        Path good = Files.writeString(dir.resolve("r.yml"), """
                groups:
                  - name: g
                    interval: 30s
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                      - alert: Down
                        expr: up == 0
                        for: 5m
                        keep_firing_for: 1m
                        labels: {severity: page}
                        annotations: {summary: "{{ $labels.instance }} down"}
                """);
        assertEquals("0\nChecking " + good + "\n  SUCCESS: 2 rules found\n\n--\n", run("check", "rules", good.toString()));
        Path bad = Files.writeString(dir.resolve("r3.yml"), """
                groups:
                  - name: g
                    rules:
                      - record: job:up:sum
                        alert: x
                        expr: up
                      - record: "bad name"
                        expr: up
                        for: 1m
                      - alert: A
                        labels: {"0bad": x}
                  - name: g
                    rules: []
                """);
        assertEquals("1\nChecking " + bad + "\n\n--\n  FAILED:\n"
                + bad + ": 4: group \"g\", rule 1, \"x\": only one of 'record' and 'alert' must be set\n"
                + bad + ": 7: group \"g\", rule 2, \"bad name\": invalid field 'for' in recording rule\n"
                + bad + ": 7: group \"g\", rule 2, \"bad name\": invalid recording rule name: bad name\n"
                + bad + ": 10: group \"g\", rule 3, \"A\": field 'expr' must be set in rule\n"
                + bad + ": 10: group \"g\", rule 3, \"A\": invalid label name: 0bad\n"
                // promtool 2.42 reports the repeated group after the rules' errors, too
                + bad + ": 12: groupname: \"g\" is repeated in the same file\n",
                run("check", "rules", bad.toString()));
        Path dur = Files.writeString(dir.resolve("d.yml"), "groups:\n  - name: g\n    rules:\n      - alert: A\n"
                + "        expr: up\n        for: 5x\n");
        assertEquals("1\nChecking " + dur + "\n\n--\n  FAILED:\n" + dur + ":6: not a valid duration string: \"5x\"\n",
                run("check", "rules", dur.toString()));
        // Templates are parsed at load time; promtool 2.42 reports their errors without a line.
        Path tmpl = Files.writeString(dir.resolve("t.yml"), "groups:\n  - name: g\n    rules:\n      - alert: A\n"
                + "        expr: up\n        labels: {sev: \"{{ .Foo\"}\n"
                + "        annotations: {broken: \"{{ $labels.x | nosuchfunc }}\", ok: \"{{ $value }}\"}\n");
        assertEquals("1\nChecking " + tmpl + "\n\n--\n  FAILED:\n"
                + tmpl + ": group \"g\", rule 1, \"A\": label \"sev\": template: __alert_A:1: unclosed action\n"
                + tmpl + ": group \"g\", rule 1, \"A\": annotation \"broken\": template: __alert_A:1: "
                + "function \"nosuchfunc\" not defined\n",
                run("check", "rules", tmpl.toString()));
    }

    @Test
    void modelTextAsPrometheusCommonPrintsIt() {
        assertEquals("up{a1=\"x\", a=\"y\\\"z\"}", ModelText.metric(new java.util.TreeMap<>(java.util.Map.of(
                "__name__", "up", "a", "y\"z", "a1", "x"))));
        assertEquals("{}", ModelText.metric(java.util.Map.of()));
        assertEquals("up", ModelText.metric(java.util.Map.of("__name__", "up")));
        assertEquals(90_000_000_000L, QueryCommand.goDurationNanos("1m30s"));
        assertEquals(500_000_000L, QueryCommand.goDurationNanos("500ms"));
    }
}
