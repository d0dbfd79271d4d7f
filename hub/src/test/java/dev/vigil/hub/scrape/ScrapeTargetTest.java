package dev.vigil.hub.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.model.Labels;
import org.junit.jupiter.api.Test;

class ScrapeTargetTest {

    private static ScrapeTarget.Targets targets(String yaml) throws Exception {
        return ScrapeTarget.of(ConfigLoader.parse("t.yml", yaml).scrapeConfigs().get(0));
    }

    @Test
    void instanceDefaultsToTheAddressAndDoubleUnderscoreLabelsGo() throws Exception {
        ScrapeTarget.Targets t = targets("""
                scrape_configs:
                  - job_name: node
                    static_configs:
                      - targets: ["a:9100"]
                        labels: {__hidden: x, env: prod}
                """);
        ScrapeTarget target = t.active().get(0);
        assertEquals(Labels.of("job", "node", "instance", "a:9100", "env", "prod"), target.labels());
        assertEquals("x", target.discoveredLabels().get("__hidden"));
        assertEquals("http://a:9100/metrics", target.url().toString());
    }

    @Test
    void relabelingRewritesTheAddressAndParamsAndDropsTargets() throws Exception {
        // the blackbox exporter pattern from Prometheus' documentation
        ScrapeTarget.Targets t = targets("""
                scrape_configs:
                  - job_name: blackbox
                    metrics_path: /probe
                    params:
                      module: [http_2xx]
                    static_configs:
                      - targets: ["https://example.org", "http://skip.me"]
                    relabel_configs:
                      - source_labels: [__address__]
                        regex: http://skip.*
                        action: drop
                      - source_labels: [__address__]
                        target_label: __param_target
                      - source_labels: [__param_target]
                        target_label: instance
                      - target_label: __address__
                        replacement: 127.0.0.1:9115
                """);
        assertEquals(1, t.active().size());
        assertEquals(1, t.dropped().size());
        ScrapeTarget probe = t.active().get(0);
        assertEquals("http://127.0.0.1:9115/probe?module=http_2xx&target=https%3A%2F%2Fexample.org",
                probe.url().toString());
        assertEquals(Labels.of("job", "blackbox", "instance", "https://example.org"), probe.labels());
        assertEquals("http://skip.me", t.dropped().get(0).discoveredLabels().get("__address__"));
    }

    @Test
    void anAddressWithASlashAfterRelabelingIsRefused() throws Exception {
        ScrapeTarget.Targets t = targets("scrape_configs:\n  - job_name: x\n    static_configs:\n"
                + "      - targets: [\"http://a:1\"]\n");
        assertEquals(0, t.active().size());
        assertEquals(1, t.dropped().size());
    }

    @Test
    void aGroupsOwnSchemePathAndJobWinOverTheConfigsDefaults() throws Exception {
        var config = ConfigLoader.parse("t.yml", "scrape_configs:\n  - job_name: x\n").scrapeConfigs().get(0);
        var group = new dev.vigil.hub.config.HubConfig.TargetGroup(java.util.List.of("h:1"),
                java.util.Map.of("__scheme__", "https", "__metrics_path__", "/probe", "job", "other"));
        ScrapeTarget target = ScrapeTarget.of(config, java.util.List.of(group)).active().get(0);
        assertEquals("https://h:1/probe", target.url().toString());
        assertEquals("other", target.labels().get("job"));
    }

    @Test
    void relabeledIntervalAndTimeoutApplyPerTargetAndBadOnesAreNotCreated() throws Exception {
        ScrapeTarget.Targets t = targets("""
                scrape_configs:
                  - job_name: node
                    scrape_interval: 15s
                    scrape_timeout: 10s
                    static_configs:
                      - targets: ["slow:9100"]
                        labels: {tier: slow}
                      - targets: ["fast:9100"]
                      - targets: ["bad:9100"]
                        labels: {tier: bad}
                      - targets: ["garbage:9100"]
                        labels: {tier: garbage}
                    relabel_configs:
                      - source_labels: [tier]
                        regex: slow
                        target_label: __scrape_interval__
                        replacement: 1m
                      - source_labels: [tier]
                        regex: bad
                        target_label: __scrape_timeout__
                        replacement: 20s
                      - source_labels: [tier]
                        regex: garbage
                        target_label: __scrape_interval__
                        replacement: soon
                """);
        assertEquals(2, t.active().size(), "timeout over interval and an unparsable interval create no target");
        ScrapeTarget slow = t.active().get(0);
        assertEquals("slow:9100", slow.labels().get("instance"));
        assertEquals(java.time.Duration.ofMinutes(1), slow.interval());
        assertEquals(java.time.Duration.ofSeconds(10), slow.timeout());
        assertEquals(java.time.Duration.ofSeconds(15), t.active().get(1).interval());
    }
}
