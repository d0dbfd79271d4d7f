package dev.vigil.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in {@code bin/vigil-hub}, run as a user runs it after {@code package}: it starts,
 * scrapes itself to {@code up}, refuses a broken config on {@code POST /-/reload} with the file,
 * line and reason while the running config stays, takes a good one on SIGHUP, and restarts on the
 * same data directory.
 */
class HubLauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "vigil-hub").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String await(int port, String path, Predicate<String> until, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(port, path);
                last = response.body();
                if (response.statusCode() == 200 && until.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting on " + path + "; last body: " + last + "\nlog:\n" + Files.readString(log));
    }

    /** The hub's threads, by the jcmd beside the java running this test. */
    private static String threadDump(long pid) throws Exception {
        Path javaCommand = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = javaCommand.resolveSibling("jcmd");
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        dump.waitFor(30, TimeUnit.SECONDS);
        return text;
    }

    private Process start(int port, Path config, Path log) throws IOException {
        // SIGHUP at its default whatever this JVM inherited: under nohup it is ignored, and the hub
        // cannot undo that (it warns), which would fail the reload step.
        return start(port, config, log, "--default-signal=HUP");
    }

    private Process start(int port, Path config, Path log, String signalDisposition) throws IOException {
        return new ProcessBuilder("env", signalDisposition, LAUNCHER.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Test
    void scrapesItselfReloadsAndRestarts() throws Exception {
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        String self = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                + "  - job_name: self\n    static_configs:\n      - targets: [\"127.0.0.1:" + port + "\"]\n";
        Files.writeString(config, self);
        Path log = dir.resolve("hub.log");
        Process hub = start(port, config, log);
        try {
            await(port, "/-/ready", body -> body.contains("Ready"), log);
            await(port, "/api/v1/targets", body -> body.contains("\"health\":\"up\""), log);
            String metrics = get(port, "/metrics").body();
            assertTrue(metrics.contains("vigil_tsdb_samples_appended_total"), metrics);

            Files.writeString(config, self + "  - job_name: broken\n    scrape_interval: soon\n");
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/-/reload")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, refused.statusCode());
            assertTrue(refused.body().contains("prometheus.yml:9: not a valid duration string: \"soon\""), refused.body());
            assertTrue(get(port, "/api/v1/targets").body().contains("\"scrapePool\":\"self\""), "running config kept");

            Files.writeString(config, self + "  - job_name: second\n    static_configs:\n"
                    + "      - targets: [\"127.0.0.1:" + port + "\"]\n        labels: {copy: \"2\"}\n");
            Runtime.getRuntime().exec(new String[] {"kill", "-HUP", Long.toString(hub.pid())}).waitFor();
            try {
                await(port, "/api/v1/targets", body -> body.contains("\"scrapePool\":\"second\""), log);
            } catch (AssertionError notReloaded) {
                // No reload logged after the HUP: where the hub stood.
                throw new AssertionError(notReloaded.getMessage() + "\nthreads:\n" + threadDump(hub.pid()), notReloaded);
            }
        } finally {
            stop(hub);
        }
        Process again = start(port, config, log);
        try {
            String status = await(port, "/api/v1/status/tsdb", body -> body.contains("\"numSeries\""), log);
            assertTrue(!status.contains("\"numSeries\":0"), "series replayed from the WAL: " + status);
        } finally {
            stop(again);
        }
    }

    @Test
    void warnsWhenStartedWithSighupIgnored() throws Exception {
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "scrape_configs: []\n");
        Path log = dir.resolve("ignored.log");
        Process hub = start(port, config, log, "--ignore-signal=HUP"); // as under nohup
        try {
            await(port, "/-/ready", body -> body.contains("Ready"), log);
            assertTrue(Files.readString(log).contains("SIGHUP is ignored in this process"), Files.readString(log));
            HttpResponse<String> reload = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/-/reload")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reload.statusCode(), "POST /-/reload still works: " + reload.body());
        } finally {
            stop(hub);
        }
    }
}
