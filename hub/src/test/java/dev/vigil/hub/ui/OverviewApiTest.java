package dev.vigil.hub.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.labels.Matchers;
import dev.vigil.alerting.am.silence.Silence;
import dev.vigil.hub.am.HubAlertmanager;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.scrape.ScrapeBody;
import dev.vigil.hub.scrape.ScrapeLoop;
import dev.vigil.hub.scrape.ScrapeManager;
import dev.vigil.model.Labels;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewApiTest {
    @TempDir
    Path dir;

    private static final byte[] NODE = """
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 10
            node_cpu_seconds_total{cpu="0",mode="user"} 2
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] APP = "# TYPE app_requests_total counter\napp_requests_total 3\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void countsTargetsPerJobAlertsAndHostsFromMemory() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        try (Tsdb tsdb = Tsdb.open(dir.resolve("data"), TsdbOptions.DEFAULT);
                ScrapeManager scrapes = new ScrapeManager(target -> {
                    String host = target.labels().get("instance");
                    if (host.startsWith("down")) {
                        throw new IOException("connection refused");
                    }
                    return ScrapeBody.of(host.startsWith("node") ? NODE : APP, null);
                }, tsdb::appender);
                HubAlertmanager am = HubAlertmanager.start(dir.resolve("absent.yml").toString(), false,
                        dir.resolve("am"), "http://hub:9090")) {
            scrapes.apply(ConfigLoader.parse("t.yml", """
                    scrape_configs:
                      - job_name: node
                        scrape_interval: 1h
                        static_configs:
                          - targets: [node-a:9100, node-b:9100, down-c:9100]
                      - job_name: app
                        scrape_interval: 1h
                        static_configs:
                          - targets: [app-1:8080, down-2:8080, later-3:8080]
                    """));
            for (ScrapeLoop loop : scrapes.loops()) {
                if (!loop.target().labels().get("instance").startsWith("later")) {
                    loop.scrape(1_000_000);
                }
            }
            var core = am.alertmanager();
            Instant now = core.scheduler().now();
            core.receive(List.of(alert("A", now), alert("B", now), alert("C", now)));
            core.silences().set(Silence.create(Matchers.ofMatch(Map.of("alertname", "B")), now.minusSeconds(1),
                    now.plusSeconds(3600), "me", "quiet"));
            UiFacts facts = new UiFacts(scrapes, tsdb, dir, am, List::of, () -> null);
            OverviewApi api = new OverviewApi(facts, clock::get);

            JsonNode o = answer(api);
            assertEquals(6, o.at("/targets/total").asInt());
            assertEquals(3, o.at("/targets/up").asInt());
            assertEquals(2, o.at("/targets/down").asInt());
            assertEquals(1, o.at("/targets/unknown").asInt());
            assertEquals("app", o.at("/jobs/0/job").asText());
            assertEquals(1, o.at("/jobs/0/up").asInt());
            assertEquals(1, o.at("/jobs/0/down").asInt());
            assertEquals(1, o.at("/jobs/0/unknown").asInt());
            assertEquals("node", o.at("/jobs/1/job").asText());
            assertEquals(2, o.at("/jobs/1/up").asInt());
            assertEquals(1, o.at("/jobs/1/down").asInt());
            assertEquals(2, o.at("/alertmanager/active").asInt());
            assertEquals(1, o.at("/alertmanager/suppressed").asInt());
            assertEquals(0, o.at("/rules/firing").asInt());
            assertEquals(tsdb.head().numSeries(), o.at("/tsdb/headSeries").asInt());
            assertTrue(o.at("/tsdb/headSeries").asInt() > 0);
            assertTrue(o.at("/tsdb/ingestRate").isNull(), "no rate within the first second: " + o);
            // node_exporters first, then by instance
            assertEquals(6, o.at("/hosts").size());
            assertEquals("node-a:9100", o.at("/hosts/0/instance").asText());
            assertTrue(o.at("/hosts/0/node").asBoolean());
            assertEquals("node-b:9100", o.at("/hosts/1/instance").asText());
            assertEquals("app-1:8080", o.at("/hosts/2/instance").asText());
            assertEquals("down", o.at("/hosts/3/health").asText());

            long before = tsdb.head().samplesAppended();
            clock.addAndGet(10_000_000_000L);
            for (ScrapeLoop loop : scrapes.loops()) {
                loop.scrape(2_000_000);
            }
            long added = tsdb.head().samplesAppended() - before;
            assertTrue(added > 0);
            o = answer(api);
            assertEquals(added / 10.0, o.at("/tsdb/ingestRate").asDouble(), 1e-9,
                    "the average since the API was made: " + o);
            assertEquals(10, o.at("/tsdb/ingestWindowSeconds").asDouble(), 1e-9);
        }
    }

    @Test
    void theIngestRateSpansAboutTheLastMinute() throws Exception {
        try (Tsdb tsdb = Tsdb.open(dir.resolve("data"), TsdbOptions.DEFAULT);
                ScrapeManager scrapes = new ScrapeManager(t -> ScrapeBody.of(APP, null), tsdb::appender)) {
            AtomicLong clock = new AtomicLong();
            OverviewApi api = new OverviewApi(new UiFacts(scrapes, tsdb, dir, null, List::of, () -> null), clock::get);
            long s = 1_000_000_000L;
            // 100 samples/s for 2 minutes, then 10/s, asked every 15 s
            long appended = 0;
            double[] rate = null;
            for (int i = 1; i <= 20; i++) {
                clock.addAndGet(15 * s);
                appended += (i <= 8 ? 100 : 10) * 15;
                rate = api.ingestRate(clock.get(), appended);
            }
            assertEquals(10, rate[0], 1e-9);
            assertTrue(rate[1] >= 60 && rate[1] <= 75, "window " + rate[1]);
            assertTrue(Double.isNaN(new OverviewApi(new UiFacts(scrapes, tsdb, dir, null, List::of, () -> null),
                    clock::get).ingestRate(clock.get() + s / 2, 5)[0]));
        }
    }

    private static AmAlert alert(String name, Instant now) {
        return new AmAlert(Labels.of("alertname", name), Map.of(), now, null, "", now, true);
    }

    /** The answer as maps, lists, strings, numbers, booleans and null; {@code at("/a/0/b")} reads it. */
    private static JsonNode answer(OverviewApi api) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            api.write(g);
        }
        try (JsonParser p = new JsonFactory().createParser(out.toString())) {
            p.nextToken();
            return new JsonNode(read(p), out.toString());
        }
    }

    private static Object read(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, read(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    private record JsonNode(Object value, String text) {
        JsonNode at(String path) {
            Object v = value;
            for (String step : path.substring(1).split("/")) {
                v = v instanceof Map<?, ?> m ? m.get(step) : ((List<?>) v).get(Integer.parseInt(step));
            }
            return new JsonNode(v, text);
        }

        int asInt() {
            return (int) asDouble();
        }

        double asDouble() {
            return (Double) value;
        }

        String asText() {
            return (String) value;
        }

        boolean asBoolean() {
            return (Boolean) value;
        }

        boolean isNull() {
            return value == null;
        }

        int size() {
            return ((List<?>) value).size();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
