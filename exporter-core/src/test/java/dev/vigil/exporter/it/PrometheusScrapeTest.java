package dev.vigil.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.exporter.testing.FakeCollector;
import dev.vigil.exporter.testing.TestCa;
import dev.vigil.exporter.testing.TestExporter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A real Prometheus (Debian's 2.42) scrapes the exporter over mutual TLS with a bearer token, as a
 * user would set it up, and we check what the user would check: {@code up} per job, and the
 * scrape errors on the targets page. Three jobs: "good" (client certificate and the right token),
 * "badtoken" (certificate, wrong token) and "nocert" (right token, no certificate).
 */
class PrometheusScrapeTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String TOKEN = "vigil-scrape-token-7f3a";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> JOBS = List.of("badtoken", "good", "nocert");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private TestExporter exporter;
    private Process prometheus;
    private Path prometheusLog;
    private String api;

    @AfterEach
    void stop() throws InterruptedException {
        // Always end the child process, whatever happened; bounded wait for it to go.
        if (prometheus != null) {
            prometheus.destroyForcibly();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    @Test
    void prometheusScrapesOnlyWithClientCertAndRightToken() throws Exception {
        // Fail, never skip: CI installs the package (.ci/run).
        assertTrue(Files.isExecutable(PROMETHEUS),
                PROMETHEUS + " is missing: install Debian's prometheus package (apt-get install -y prometheus; .ci/run does)");

        TestCa ca = TestCa.create("vigil-test-ca");
        Path caFile = Files.writeString(dir.resolve("ca.crt"), ca.pem());
        Path[] server = ca.leaf("server").localhost().issue().write(dir, "server");
        Path[] client = ca.leaf("prom").client().issue().write(dir, "prom");
        Path webConfig = Files.writeString(dir.resolve("web-config.yml"), """
                tls_server_config:
                  cert_file: %s
                  key_file: %s
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: %s
                bearer_auth:
                  tokens: ["%s"]
                """.formatted(server[0], server[1], caFile, TOKEN));
        exporter = TestExporter.start(List.of(TestExporter.factory("fake", true, () -> new FakeCollector("fake"))),
                "--web.config.file=" + webConfig);

        String target = "127.0.0.1:" + exporter.port();
        String tlsWithCert = "{ca_file: '%s', cert_file: '%s', key_file: '%s', server_name: localhost}"
                .formatted(caFile, client[0], client[1]);
        String tlsNoCert = "{ca_file: '%s', server_name: localhost}".formatted(caFile);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: good
                    scheme: https
                    authorization: {type: Bearer, credentials: '%2$s'}
                    tls_config: %3$s
                    static_configs: [{targets: ['%1$s']}]
                  - job_name: badtoken
                    scheme: https
                    authorization: {type: Bearer, credentials: 'not-the-token'}
                    tls_config: %3$s
                    static_configs: [{targets: ['%1$s']}]
                  - job_name: nocert
                    scheme: https
                    authorization: {type: Bearer, credentials: '%2$s'}
                    tls_config: %4$s
                    static_configs: [{targets: ['%1$s']}]
                """.formatted(target, TOKEN, tlsWithCert, tlsNoCert));

        int webPort = freePort();
        api = "http://127.0.0.1:" + webPort + "/api/v1/";
        prometheusLog = dir.resolve("prometheus.log");
        prometheus = new ProcessBuilder(PROMETHEUS.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + webPort,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(prometheusLog.toFile())
                .start();
        try {
            check();
        } catch (Throwable t) {
            System.err.println("--- prometheus log ---\n" + Files.readString(prometheusLog) + "--- end ---");
            throw t;
        }
    }

    private void check() throws Exception {
        // Wait (bounded) until every job has a sample and the good one has succeeded: on a busy
        // two-core machine the exporter's first TLS handshake can overrun the 1s scrape timeout.
        Map<String, String> up = Map.of();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                fail("prometheus exited with code " + prometheus.exitValue());
            }
            up = vector("up");
            if (up.keySet().containsAll(JOBS) && "1".equals(up.get("good"))) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(JOBS, List.copyOf(up.keySet()), "jobs with an up sample after " + WAIT + ": " + up);
        assertEquals("1", up.get("good"), "up{job=\"good\"}");
        assertEquals("0", up.get("badtoken"), "up{job=\"badtoken\"}");
        assertEquals("0", up.get("nocert"), "up{job=\"nocert\"}");

        // The refused jobs never got through, not even once.
        Map<String, String> everUp = vector("max_over_time(up[5m])");
        assertEquals("0", everUp.get("badtoken"), "max_over_time(up{job=\"badtoken\"}[5m])");
        assertEquals("0", everUp.get("nocert"), "max_over_time(up{job=\"nocert\"}[5m])");

        // The good job's body (OpenMetrics, which Prometheus asks for first) was parsed: our
        // collector's series are stored with the job label.
        Map<String, String> cpu = vector("test_cpu_seconds_total{mode=\"idle\"}");
        assertEquals(Map.of("good", "123.5"), cpu, "test_cpu_seconds_total{mode=\"idle\"} by job");

        // What the targets page shows a user for each failure.
        Map<String, String> errors = lastErrors();
        assertEquals("", errors.get("good"), "lastError of good");
        assertEquals("server returned HTTP status 401 Unauthorized", errors.get("badtoken"), "lastError of badtoken");
        // TLS 1.3: the server refuses the empty certificate with a certificate_required alert,
        // which Go's client reports when it reads the response; on a loaded machine the server may
        // already have closed the socket when the client writes its request, and Go reports that.
        String nocert = errors.get("nocert");
        assertTrue(nocert.endsWith("/metrics\": remote error: tls: certificate required")
                || nocert.endsWith(": write: broken pipe") || nocert.endsWith(": connection reset by peer"),
                "lastError of nocert: " + nocert);
    }

    /** Runs an instant query; the result as job label to sample value. */
    @SuppressWarnings("unchecked")
    private Map<String, String> vector(String query) throws Exception {
        Map<String, Object> data = get("query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        Map<String, String> byJob = new TreeMap<>();
        if (data == null) {
            return byJob;
        }
        for (Object item : (List<Object>) data.get("result")) {
            Map<String, Object> sample = (Map<String, Object>) item;
            Map<String, Object> labels = (Map<String, Object>) sample.get("metric");
            List<Object> value = (List<Object>) sample.get("value");
            byJob.put(String.valueOf(labels.get("job")), String.valueOf(value.get(1)));
        }
        return byJob;
    }

    /** The active targets' last scrape errors, by job. */
    @SuppressWarnings("unchecked")
    private Map<String, String> lastErrors() throws Exception {
        Map<String, Object> data = get("targets?state=active");
        Map<String, String> byJob = new TreeMap<>();
        for (Object item : (List<Object>) data.get("activeTargets")) {
            Map<String, Object> target = (Map<String, Object>) item;
            Map<String, Object> labels = (Map<String, Object>) target.get("labels");
            byJob.put(String.valueOf(labels.get("job")), String.valueOf(target.get("lastError")));
        }
        return byJob;
    }

    /**
     * GETs an API path and returns its {@code data}, or null while Prometheus is not yet answering.
     * The JSON is read with snakeyaml-engine (already on the classpath): JSON is valid YAML 1.2.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // not listening yet
        }
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        Map<String, Object> body = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(response.body());
        assertEquals("success", body.get("status"), path + ": " + response.body());
        return (Map<String, Object>) body.get("data");
    }

    /** A loopback port free right now (Prometheus cannot report a port it picked itself at warn level). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
