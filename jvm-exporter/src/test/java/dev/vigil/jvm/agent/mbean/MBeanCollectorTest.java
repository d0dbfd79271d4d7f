package dev.vigil.jvm.agent.mbean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.jvm.agent.it.FixedMBean;
import dev.vigil.jvm.agent.it.RulesApp;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The collector on a private MBeanServer holding {@link RulesApp}'s beans: caches and scrape gauges. */
class MBeanCollectorTest {
    private static MBeanCollector collector(MBeanServer server, String yaml) throws Exception {
        MBeanConfig config = MBeanConfig.from(YamlFiles.parse("test.yml", yaml).orElseThrow()).orElseThrow();
        return new MBeanCollector(config, server, Set.of());
    }

    private static double gauge(MetricSnapshots snapshots, String name) {
        for (MetricSnapshot s : snapshots) {
            if (s.getMetadata().getName().equals(name)) {
                return ((GaugeSnapshot) s).getDataPoints().getFirst().getValue();
            }
        }
        throw new AssertionError("no " + name);
    }

    private static boolean has(MetricSnapshots snapshots, String name, String labelValue) {
        for (MetricSnapshot s : snapshots) {
            if (s.getMetadata().getName().equals(name)) {
                for (DataPointSnapshot p : s.getDataPoints()) {
                    if (labelValue == null || p.getLabels().toString().contains(labelValue)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void cachesFollowTheBeansThatExist() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        RulesApp.register(server);
        MBeanCollector collector = collector(server, """
                includeObjectNames: ["app.vigil:type=Pool,*", "app.vigil:type=Extra,*"]
                rules:
                - pattern: 'app.vigil<type=(\\w+), name=(.+), zone=(.+)><>(\\w+)'
                  name: app_$1_$4
                  cache: true
                  labels:
                    pool: $2
                """);
        MetricSnapshots first = collector.collect();
        assertTrue(has(first, "app_Pool_Size", "plain"));
        assertEquals(2, collector.cachedKeyProperties(), "the two pools");
        assertEquals(4, collector.cachedMatches(), "two attributes of two pools");
        assertEquals(4, gauge(first, "jmx_scrape_cached_beans"));
        assertEquals(0, gauge(first, "jmx_scrape_error"));

        ObjectName extra = new ObjectName("app.vigil:type=Extra,name=e,zone=z");
        server.registerMBean(new FixedMBean().with("Size", 1, null), extra);
        assertTrue(has(collector.collect(), "app_Extra_Size", "\"e\""));
        assertEquals(3, collector.cachedKeyProperties());
        assertEquals(5, collector.cachedMatches());

        server.unregisterMBean(extra);
        server.unregisterMBean(new ObjectName("app.vigil:type=Pool,name=plain,zone=us east"));
        MetricSnapshots after = collector.collect();
        assertEquals(1, collector.cachedKeyProperties(), "names that vanished are dropped");
        assertEquals(2, collector.cachedMatches(), "match strings not seen in the last scrape are evicted");
        assertTrue(!has(after, "app_Extra_Size", null) && !has(after, "app_Pool_Size", "plain"));
    }

    @Test
    void aTemplateNamingAMissingGroupIsAScrapeErrorNotAFailedScrape() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        RulesApp.register(server);
        MetricSnapshots out = collector(server, """
                includeObjectNames: ["app.vigil:type=Server,*"]
                rules:
                - pattern: 'app.vigil<type=Server, name=(\\w+)><>Count'
                  name: app_count_$2
                - pattern: 'app.vigil<type=Server, name=(\\w+)><>Rate'
                  name: app_rate
                """).collect();
        assertEquals(1, gauge(out, "jmx_scrape_error"));
        assertTrue(has(out, "app_rate", null), "the other samples are still served");
        assertTrue(gauge(out, "jmx_scrape_duration_seconds") > 0);
    }
}
