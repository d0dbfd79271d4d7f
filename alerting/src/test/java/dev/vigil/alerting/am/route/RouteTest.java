package dev.vigil.alerting.am.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.alerting.am.Amtool;
import dev.vigil.alerting.am.config.AlertmanagerConfig;
import dev.vigil.alerting.am.config.ConfigLoader;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.model.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {
    static final Path EXAMPLE = Path.of("examples/alertmanager.yml");

    /** Label set (space separated name=value) -> receivers; amtool config routes test must agree on each row. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alertname=Foo|ops-mail",
        "severity=page|pager",
        "severity=page team=db|pager,db-team",
        "severity=page team=db env=dev|pager,db-dev",
        "team=db env=prod|db-team",
        "team=db env=staging|db-dev",
        "team=web service=api|web-team",
        "team=web service=db|web-team",
        "team=web service=frontendx|web-team",
        "severity=warning team=other|ops-mail",
        "severity=page team=web service=frontend|pager,web-team",
    })
    void exampleRoutesAsAmtool(String labels, String receivers) throws ConfigException {
        String[] pairs = labels.split(" ");
        Route root = Route.tree(ConfigLoader.load(EXAMPLE));
        List<String> expected = List.of(receivers.split(","));
        assertEquals(expected, root.receivers(parse(pairs)));
        if (Amtool.present()) {
            assertEquals(expected, Amtool.routesTest(EXAMPLE, pairs), "amtool config routes test");
        }
    }

    @Test
    void keysIdsAndGroupKeysAsAlertmanagerBuildsThem() throws ConfigException {
        Route root = Route.tree(ConfigLoader.load(EXAMPLE));
        assertEquals("{}", root.key());
        assertEquals("{}", root.id());
        Route web = root.routes().get(2);
        assertEquals("{}/{service=~\"^(?:frontend|api)$\",team=\"web\"}", web.key());
        assertEquals("{}/{service=~\"^(?:frontend|api)$\",team=\"web\"}/2", web.id());
        Route dbDev = root.routes().get(1).routes().get(0);
        assertEquals("{}/{team=\"db\"}/{env=~\"dev|staging\"}", dbDev.key());
        assertEquals("{}/{team=\"db\"}/{env=~\"dev|staging\"}/0", dbDev.id());

        Labels alert = Labels.of("alertname", "Disk", "cluster", "eu1", "instance", "a:9100", "severity", "page");
        List<Route> matched = root.match(alert);
        assertEquals(1, matched.size());
        assertEquals("{}/{severity=\"page\"}:{alertname=\"Disk\", cluster=\"eu1\"}", matched.get(0).groupKey(alert));
        // group_by: ['...'] groups by every label.
        Labels db = Labels.of("alertname", "Slow", "team", "db", "env", "prod");
        assertEquals("{}/{team=\"db\"}:{alertname=\"Slow\", env=\"prod\", team=\"db\"}",
                root.match(db).get(0).groupKey(db));
        // db-dev inherits the "..." grouping from its parent.
        Labels dev = db.toBuilder().set("env", "dev").build();
        assertTrue(root.match(dev).get(0).opts().groupByAll());
    }

    @Test
    void optionsInheritButTimeIntervalsDoNot() throws ConfigException {
        AlertmanagerConfig c = ConfigLoader.load(EXAMPLE);
        Route root = Route.tree(c);
        Route pager = root.routes().get(0);
        assertEquals(Duration.ofSeconds(10), pager.opts().groupWait());
        assertEquals(Duration.ofMinutes(5), pager.opts().groupInterval());
        assertEquals(Duration.ofHours(4), pager.opts().repeatInterval());
        assertEquals(List.of("alertname", "cluster"), List.copyOf(pager.opts().groupBy()));
        Route db = root.routes().get(1);
        Route dbDev = db.routes().get(0);
        assertEquals("db-dev", dbDev.opts().receiver());
        assertEquals(List.of("nights"), dbDev.opts().muteTimeIntervals());
        assertTrue(db.opts().muteTimeIntervals().isEmpty());
        assertTrue(dbDev.mutedAt(Instant.parse("2024-01-01T03:00:00Z"), c.timeIntervals()));
        assertFalse(dbDev.mutedAt(Instant.parse("2024-01-01T12:00:00Z"), c.timeIntervals()));
        Route web = root.routes().get(2);
        // Active only in office hours (Berlin): a Saturday is muted, a Wednesday 10:00 UTC is not.
        assertTrue(web.mutedAt(Instant.parse("2024-03-09T10:00:00Z"), c.timeIntervals()));
        assertFalse(web.mutedAt(Instant.parse("2024-03-06T10:00:00Z"), c.timeIntervals()));
    }

    static Labels parse(String... pairs) {
        Labels.Builder b = Labels.builder();
        Arrays.stream(pairs).map(p -> p.split("=", 2)).forEach(kv -> b.set(kv[0], kv[1]));
        return b.build();
    }
}
