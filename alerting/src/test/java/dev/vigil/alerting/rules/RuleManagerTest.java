package dev.vigil.alerting.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.model.Labels;
import dev.vigil.model.StaleMarker;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.value.Vector;
import dev.vigil.storage.Appender;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules evaluated over a real TSDB: recording output, alert states, ALERTS series, sends, restore. */
class RuleManagerTest {
    @TempDir
    Path dir;
    Tsdb tsdb;
    Engine engine = new Engine(EngineOptions.DEFAULTS);
    List<AlertSink.SentAlert> sent = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        tsdb = Tsdb.open(dir.resolve("data"), TsdbOptions.DEFAULT);
    }

    @AfterEach
    void close() throws Exception {
        tsdb.close();
    }

    private void up(long t, String instance, double v) throws Exception {
        Appender app = tsdb.appender();
        app.append(0, Labels.of("__name__", "up", "job", "node", "instance", instance), t, v);
        app.commit();
    }

    private RuleManager manager(String rules) throws Exception {
        Path file = Files.writeString(dir.resolve("rules.yml"), rules);
        RuleManager m = new RuleManager(RuleContext.of(new RuleQuery(engine, tsdb::querier),
                TemplateExpander.NONE, Labels.EMPTY, "http://hub:9090"), tsdb::appender,
                (url, alerts) -> sent.addAll(alerts), () -> 0);
        m.update(RuleManager.load(List.of(file), 15_000));
        m.close(); // no background ticks: the test drives time
        return m;
    }

    private double instant(String q, long t) throws Exception {
        Vector v = (Vector) engine.instantQuery(tsdb::querier, q, t).exec().value();
        return v.samples().isEmpty() ? Double.NaN : v.samples().get(0).v();
    }

    private static final String RULES = """
            groups:
              - name: node
                rules:
                  - record: job:up:sum
                    expr: sum by (job) (up)
                  - alert: InstanceDown
                    expr: up == 0
                    for: 30s
                    labels: {severity: page}
                    annotations: {summary: "instance down"}
            """;

    @Test
    void recordsPendsFiresAndResolves() throws Exception {
        RuleManager m = manager(RULES);
        AlertingRule rule = (AlertingRule) m.groups().get(0).rules().get(1);
        for (long t = 0; t <= 60_000; t += 15_000) {
            up(t, "a", 1);
            up(t, "b", t >= 15_000 ? 0 : 1);
            m.evalAll(t);
        }
        assertEquals(1.0, instant("job:up:sum", 60_000));
        assertEquals(Alert.State.FIRING, rule.state());
        Alert a = rule.activeAlerts().get(0);
        assertEquals(Labels.of("alertname", "InstanceDown", "instance", "b", "job", "node", "severity", "page"),
                a.labels());
        assertEquals(15_000, a.activeAt());
        assertEquals(45_000, a.firedAt()); // pending for 30 s
        assertEquals(1.0, instant("ALERTS{alertstate=\"firing\",instance=\"b\"}", 60_000));
        assertEquals(15.0, instant("ALERTS_FOR_STATE{instance=\"b\"}", 60_000));
        // Sent when it fired (45 s), not again before the 1 m resend delay; valid for 4 x 1 m.
        assertEquals(1, sent.size());
        assertEquals(45_000, sent.get(0).startsAt());
        assertEquals(45_000 + 240_000, sent.get(0).endsAt());

        // b comes back: resolved, sent once with endsAt = the resolve time; ALERTS ends.
        sent.clear();
        up(75_000, "a", 1);
        up(75_000, "b", 1);
        m.evalAll(75_000);
        assertEquals(Alert.State.INACTIVE, rule.state());
        assertEquals(1, sent.size());
        assertEquals(75_000, sent.get(0).endsAt());
        assertTrue(Double.isNaN(instant("ALERTS{instance=\"b\"}", 75_000)), "ALERTS got a stale marker");
        assertEquals("ok", rule.health());
    }

    @Test
    void restartRestoresPendingTime() throws Exception {
        RuleManager m = manager(RULES.replace("for: 30s", "for: 20m"));
        for (long t = 0; t <= 300_000; t += 15_000) {
            up(t, "b", 0);
            m.evalAll(t);
        }
        // "Restart" 2 minutes later: a new manager on the same storage.
        RuleManager again = manager(RULES.replace("for: 30s", "for: 20m"));
        up(420_000, "b", 0);
        again.evalAll(420_000);
        AlertingRule rule = (AlertingRule) again.groups().get(0).rules().get(1);
        Alert a = rule.activeAlerts().get(0);
        // Active since 0 with 300 s spent; the 120 s outage moves activeAt forward by 120 s.
        assertEquals(120_000, a.activeAt());
        assertEquals(Alert.State.PENDING, a.state());
    }

    @Test
    void badExpressionResultMarksTheRuleUnhealthy() throws Exception {
        RuleManager m = manager("""
                groups:
                  - name: g
                    rules:
                      - record: dup
                        expr: label_replace(up, "instance", "x", "", "")
                """);
        up(0, "a", 1);
        up(0, "b", 1);
        m.evalAll(0);
        Rule r = m.groups().get(0).rules().get(0);
        assertEquals("err", r.health());
        assertEquals("vector cannot contain metrics with the same labelset", r.lastError());
        assertTrue(StaleMarker.is(StaleMarker.VALUE));
    }
}
