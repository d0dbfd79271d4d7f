package dev.vigil.hub.config;

import dev.vigil.model.PromDuration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.model.Labels;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @Test
    void readsGlobalAndScrapeConfigsWithPrometheusDefaults() throws Exception {
        HubConfig config = ConfigLoader.parse("prometheus.yml", """
                global:
                  scrape_interval: 30s
                  external_labels:
                    region: eu
                scrape_configs:
                  - job_name: node
                    static_configs:
                      - targets: ["a:9100", "b:9100"]
                        labels:
                          env: prod
                  - job_name: fast
                    scrape_interval: 5s
                    metrics_path: /probe
                    scheme: https
                    honor_labels: true
                    params:
                      module: [http_2xx]
                    static_configs:
                      - targets: ["c:9115"]
                """);
        assertEquals(Duration.ofSeconds(30), config.global().scrapeInterval());
        assertEquals(Duration.ofSeconds(10), config.global().scrapeTimeout());
        assertEquals(Labels.of("region", "eu"), config.global().externalLabels());
        HubConfig.ScrapeConfig node = config.scrapeConfigs().get(0);
        assertEquals(Duration.ofSeconds(30), node.scrapeInterval());
        assertEquals("/metrics", node.metricsPath());
        assertEquals(List.of("a:9100", "b:9100"), node.staticConfigs().get(0).targets());
        HubConfig.ScrapeConfig fast = config.scrapeConfigs().get(1);
        assertEquals(Duration.ofSeconds(5), fast.scrapeTimeout(), "the default timeout never exceeds the interval");
        assertTrue(fast.honorLabels());
        assertEquals(List.of("http_2xx"), fast.params().get("module"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown top-level key | bogus: 1 | 1 | unknown key \"bogus\"",
        "bad duration | global:\\n  scrape_interval: 15 | 2 | not a valid duration string: \"15\"",
        "timeout above interval | scrape_configs:\\n  - job_name: x\\n    scrape_interval: 5s\\n    scrape_timeout: 10s | 4 | scrape timeout greater than scrape interval for scrape config with job name \"x\"",
        "duplicate job | scrape_configs:\\n  - job_name: x\\n  - job_name: x | 3 | found multiple scrape configs with job name \"x\"",
        "missing job name | scrape_configs:\\n  - scrape_interval: 5s | 2 | job_name is empty",
        "unsupported yet | scrape_configs:\\n  - job_name: x\\n    proxy_url: http://proxy:3128 | 3 | \"proxy_url\" is not supported by this version of vigil-hub yet",
        "unknown relabel action | scrape_configs:\\n  - job_name: x\\n    relabel_configs:\\n      - action: rename | 4 | unknown relabel action \"rename\"",
        "bad relabel regex | scrape_configs:\\n  - job_name: x\\n    metric_relabel_configs:\\n      - regex: \"(a\" | 4 | invalid regular expression \"(a\"",
        "replace without target | scrape_configs:\\n  - job_name: x\\n    relabel_configs:\\n      - source_labels: [a]\\n        action: replace | 5 | relabel configuration for replace action requires 'target_label' value",
        "bad scheme | scrape_configs:\\n  - job_name: x\\n    scheme: ftp | 3 | invalid scheme \"ftp\": must be http or https",
        "bad label name | scrape_configs:\\n  - job_name: x\\n    static_configs:\\n      - targets: [a]\\n        labels: {1x: y} | 5 | \"1x\" is not a valid label name",
    })
    void rejectsBadConfigsWithLineAndReason(String name, String yaml, int line, String reason) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("prometheus.yml", yaml.replace("\\n", "\n")));
        assertEquals("prometheus.yml", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.reason());
    }

    @Test
    void embeddedDefaultsScrapeTheHubAndALocalNodeExporter() {
        HubConfig config = ConfigLoader.defaults(9090);
        assertEquals(List.of("vigil-hub", "node"), config.scrapeConfigs().stream().map(HubConfig.ScrapeConfig::jobName).toList());
        assertEquals(List.of("localhost:9100"), config.scrapeConfigs().get(1).staticConfigs().get(0).targets());
        assertEquals(Duration.ofSeconds(15), config.global().scrapeInterval());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "15s,15000", "1m30s,90000", "2h,7200000", "1d,86400000", "1w,604800000", "1y,31536000000", "150ms,150"})
    void prometheusDurations(String text, long millis) {
        assertEquals(millis, PromDuration.parse(text).toMillis());
    }

    @Test
    void durationsPrintAsPrometheusDoes() {
        assertEquals("1m30s", PromDuration.format(Duration.ofSeconds(90)));
        assertEquals("15s", PromDuration.format(Duration.ofSeconds(15)));
        assertThrows(IllegalArgumentException.class, () -> PromDuration.parse("1.5s"));
        assertThrows(IllegalArgumentException.class, () -> PromDuration.parse("1s1m"));
    }
}
