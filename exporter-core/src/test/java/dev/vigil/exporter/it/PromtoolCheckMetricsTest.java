package dev.vigil.exporter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.testing.FakeCollector;
import dev.vigil.exporter.testing.TestExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lints the exporter's real {@code /metrics} output with Prometheus' own linter, {@code promtool
 * check metrics} (naming, help text, suffixes), as node_exporter's checkmetrics.sh does.
 *
 * <p>Only the text format 0.0.4 is checked. promtool 2.42 (Debian 12) parses stdin with the text
 * format parser alone: given OpenMetrics it takes {@code foo_total}/{@code foo_created} for untyped
 * families without help ("no help text") and fails on {@code # TYPE x info}, so it cannot judge
 * OpenMetrics output. The OpenMetrics body is parsed by a real Prometheus in
 * {@link PrometheusScrapeTest}, which asks for OpenMetrics first when it scrapes.
 */
class PromtoolCheckMetricsTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestExporter exporter;

    @BeforeEach
    void requirePromtool() {
        // Fail, never skip: CI installs promtool with the prometheus package (.ci/run).
        assertTrue(Files.isExecutable(PROMTOOL),
                PROMTOOL + " is missing: install Debian's prometheus package (apt-get install -y prometheus; .ci/run does)");
    }

    @AfterEach
    void stop() {
        if (exporter != null) {
            exporter.close();
        }
    }

    @Test
    void textFormatPassesPromtoolLint() throws Exception {
        exporter = TestExporter.start(List.of(TestExporter.factory("fake", true, () -> new FakeCollector("fake"))));
        HttpResponse<byte[]> response = fetchMetrics();
        assertEquals(200, response.statusCode());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("text/plain; version=0.0.4"), "content type: " + contentType);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        // Guard against linting an empty or trivial page: our collector and the self metrics are there.
        assertTrue(body.contains("test_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 123.5"), body);
        assertTrue(body.contains("process_cpu_seconds_total"), body);

        PromtoolResult result = promtoolCheckMetrics(response.body());
        assertEquals(0, result.exitCode(), "promtool check metrics failed:\n" + result.output() + "\non:\n" + body);
        // promtool prints one "<metric> <problem>" line per lint problem, and nothing when clean.
        assertEquals("", result.output().strip(), "promtool reported problems on:\n" + body);
    }

    @Test
    void promtoolCatchesLintProblems() throws Exception {
        // Proves the check above can fail: promtool must flag a counter without "_total".
        byte[] bad = "# HELP foo Foo.\n# TYPE foo counter\nfoo 1\n".getBytes(StandardCharsets.UTF_8);
        PromtoolResult result = promtoolCheckMetrics(bad);
        assertEquals(3, result.exitCode(), result.output()); // promtool's exit code for lint problems
        assertTrue(result.output().contains("foo counter metrics should have \"_total\" suffix"), result.output());
    }

    /** A plain GET with no Accept header, as curl sends it: the exporter answers in text 0.0.4. */
    private HttpResponse<byte[]> fetchMetrics() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private record PromtoolResult(int exitCode, String output) {
    }

    /** Runs {@code promtool check metrics} with {@code input} on stdin; stdout and stderr together. */
    private static PromtoolResult promtoolCheckMetrics(byte[] input) throws Exception {
        Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try {
            // Read output on another thread so a full pipe can never block the write.
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            assertTrue(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "promtool did not finish in " + TIMEOUT);
            String text = new String(output.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), StandardCharsets.UTF_8);
            return new PromtoolResult(process.exitValue(), text);
        } finally {
            process.destroyForcibly();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
