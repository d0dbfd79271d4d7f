package dev.vigil.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.hub.cli.Cli;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import dev.vigil.storage.index.Matcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients against the hub and a real Prometheus 2.42 holding the same samples (Prometheus
 * scrapes a fixture target and remote-writes everything into the hub): {@code promtool query
 * instant|range|series|labels} must print the same thing, byte for byte, against both. The hub's
 * own {@code query instant|range} subcommands must print what promtool prints.
 */
class PromtoolQueryTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path dir;

    private Process prometheus;
    private HttpServer target;
    private ApiServer hub;

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroyForcibly();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
        if (target != null) {
            target.stop(0);
        }
        if (hub != null) {
            hub.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The fixture: counters, a gauge with NaN and infinities, awkward label values. */
    private void startTarget() throws Exception {
        AtomicInteger scrapes = new AtomicInteger();
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/metrics", exchange -> {
            int n = scrapes.incrementAndGet();
            StringBuilder b = new StringBuilder();
            b.append("# HELP fx_requests_total Requests served.\n# TYPE fx_requests_total counter\n");
            for (String code : List.of("200", "404", "500")) {
                b.append("fx_requests_total{code=\"").append(code).append("\",path=\"/a \\\"q\\\"\"} ")
                        .append(n * (code.length() + code.charAt(0) - '0') * 1.25).append('\n');
            }
            b.append("# TYPE fx_gauge gauge\n");
            b.append("fx_gauge{kind=\"nan\"} NaN\nfx_gauge{kind=\"inf\"} +Inf\nfx_gauge{kind=\"ninf\"} -Inf\n");
            b.append("fx_gauge{kind=\"small\"} 1e-9\nfx_gauge{kind=\"big\"} 1.5e300\nfx_gauge{kind=\"n\"} ")
                    .append(n % 7 - 3.5).append('\n');
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        target.start();
    }

    private String promtool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(PROMTOOL.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return "exit " + p.exitValue() + "\n" + out;
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return "exit " + rc + "\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** The newest time (ms) for which the hub holds every series' samples that Prometheus holds. */
    private long hubHorizon() {
        long newest = Long.MAX_VALUE;
        int series = 0;
        try (Querier q = hub.tsdb.querier(0, Long.MAX_VALUE)) {
            for (Series s : q.select(List.of(Matcher.regex("__name__", "fx_.*")))) {
                long last = Long.MIN_VALUE;
                int n = 0;
                SampleIterator it = s.iterator();
                while (it.next()) {
                    last = it.timestamp();
                    n++;
                }
                if (n < 8) {
                    return Long.MIN_VALUE;
                }
                newest = Math.min(newest, last);
                series++;
            }
        }
        return series == 9 ? newest : Long.MIN_VALUE;
    }

    @Test
    void promtoolPrintsTheSameAgainstTheHubAndPrometheus() throws Exception {
        assertTrue(Files.isExecutable(PROMETHEUS), PROMETHEUS + " is missing: apt-get install -y prometheus");
        hub = new ApiServer(dir, EngineOptions.DEFAULTS, false, null);
        startTarget();
        int promPort = freePort();
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, scrape_timeout: 1s}
                scrape_configs:
                  - job_name: fx
                    static_configs: [{targets: ['127.0.0.1:%d'], labels: {env: "t"}}]
                remote_write:
                  - url: %s/api/v1/write
                    queue_config: {batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 1s}
                """.formatted(target.getAddress().getPort(), hub.base));
        Path log = dir.resolve("prometheus.log");
        prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("prom"), "--web.listen-address=127.0.0.1:" + promPort,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long horizon = Long.MIN_VALUE;
        while (horizon == Long.MIN_VALUE && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            horizon = hubHorizon();
        }
        assertTrue(horizon != Long.MIN_VALUE, "samples in the hub; prometheus log:\n" + Files.readString(log));
        String prom = "http://127.0.0.1:" + promPort;
        String at = String.valueOf(horizon / 1000.0);
        String start = String.valueOf((horizon - 6000) / 1000.0);
        List<List<String>> commands = List.of(
                List.of("query", "instant", "--time=" + at, "URL", "fx_requests_total"),
                List.of("query", "instant", "--time=" + at, "URL", "fx_gauge"),
                List.of("query", "instant", "--time=" + at, "URL", "sum by (code) (rate(fx_requests_total[5s]))"),
                List.of("query", "instant", "--time=" + at, "URL", "fx_requests_total offset 2s * 2 > 10"),
                List.of("query", "instant", "--time=" + at, "URL", "scalar(fx_gauge{kind=\"n\"}) + 1"),
                List.of("query", "instant", "--time=" + at, "URL", "fx_requests_total[3s]"),
                List.of("query", "instant", "--time=" + at, "URL", "count(up) by (job, env)"),
                List.of("query", "instant", "--time=" + at, "URL", "sum(rate(fx_requests_total[5s)"),
                List.of("query", "range", "--start=" + start, "--end=" + at, "--step=1s", "URL",
                        "fx_requests_total{code!=\"404\"}"),
                List.of("query", "range", "--start=" + start, "--end=" + at, "--step=2s", "URL",
                        "max_over_time(fx_gauge[3s])"),
                List.of("query", "range", "--start=" + start, "--end=" + at, "--step=1s", "URL", "fx_requests_total[1m]"),
                List.of("query", "series", "--match=fx_gauge", "--match={code=\"500\"}", "URL"),
                List.of("query", "labels", "URL", "code"),
                List.of("query", "labels", "URL", "__name__"));
        for (List<String> c : commands) {
            String[] promArgs = c.stream().map(a -> a.equals("URL") ? prom : a).toArray(String[]::new);
            String[] hubArgs = c.stream().map(a -> a.equals("URL") ? hub.base : a).toArray(String[]::new);
            String expected = promtool(promArgs);
            assertEquals(expected, promtool(hubArgs), String.join(" ", c));
            if (c.get(1).equals("instant") || c.get(1).equals("range")) {
                String ours = cli(promArgs);
                if (expected.startsWith("exit 0")) {
                    assertEquals(expected, ours, "vigil-hub " + String.join(" ", c));
                } else {
                    assertTrue(ours.startsWith("exit 1\nquery error: bad_data"), ours);
                }
            }
        }
    }
}
