package dev.vigil.hub.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrapeManagerTest {
    @TempDir
    Path dir;

    @Test
    void aPoolOverItsTargetLimitScrapesNoneOfThem() throws Exception {
        try (Tsdb tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
                ScrapeManager manager = new ScrapeManager(target -> ScrapeBody.of("m 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), null), tsdb::appender)) {
            manager.apply(ConfigLoader.parse("t.yml", """
                    scrape_configs:
                      - job_name: many
                        target_limit: 2
                        scrape_interval: 1h
                        static_configs:
                          - targets: [a:1, b:1, c:1]
                      - job_name: few
                        target_limit: 2
                        scrape_interval: 1h
                        static_configs:
                          - targets: [d:1]
                    """));
            for (ScrapeLoop loop : manager.loops()) {
                loop.scrape(1_000_000);
            }
            for (ScrapeLoop loop : manager.byJob().get("many")) {
                assertEquals("target_limit exceeded (number of targets: 3, limit: 2)", loop.health().lastError());
            }
            assertEquals("up", manager.byJob().get("few").get(0).health().health());
            assertEquals(3, manager.byJob().get("many").size());
        }
    }
}
