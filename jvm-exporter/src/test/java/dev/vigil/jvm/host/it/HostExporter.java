package dev.vigil.jvm.host.it;

import dev.vigil.exporter.testing.HttpProbe;
import dev.vigil.jvm.testing.TextSamples;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code bin/vigil-jvm-exporter} on a free loopback port, run as the checked-in launcher runs it
 * (its JVM flags, the packaged jar), and scraped over HTTP. Closing stops it.
 */
final class HostExporter implements AutoCloseable {
    private static final Path LAUNCHER = Path.of(System.getProperty("basedir", "."), "..", "bin", "vigil-jvm-exporter")
            .toAbsolutePath().normalize();

    /** One sample line of the text format. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Process process;
    private final Path log;
    private final int port;

    private HostExporter(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the exporter and returns once {@code /-/healthy} answers (at most 60 s). */
    static HostExporter start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("jvm-exporter", ".log");
        Process process = new ProcessBuilder(LAUNCHER.toString(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HostExporter exporter = new HostExporter(process, log, port);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (HttpProbe.plain().get(port, "/-/healthy").status() == 200) {
                        return exporter;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new AssertionError("the exporter did not come up: " + exporter.log());
        } catch (RuntimeException | Error | InterruptedException e) {
            exporter.close();
            throw e;
        }
    }

    /** GET /metrics, parsed; fails unless 200. */
    List<Sample> scrape() throws IOException {
        HttpProbe.Response response = HttpProbe.plain().get(port, "/metrics");
        String text = new String(response.rawBody(), StandardCharsets.UTF_8);
        if (response.status() != 200) {
            throw new AssertionError("status " + response.status() + ": " + text);
        }
        List<Sample> samples = new ArrayList<>();
        for (TextSamples.Sample sample : TextSamples.parse(text)) {
            samples.add(new Sample(sample.name(), sample.unescapedLabels(), sample.value()));
        }
        return samples;
    }

    /** Scrapes until a scrape satisfies {@code done}, and returns that scrape; fails after {@code timeout}. */
    List<Sample> awaitScrape(Predicate<List<Sample>> done, Duration timeout, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Sample> last = scrape();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no scrape " + what + " within " + timeout + "; last scrape's JVM series: "
                        + last.stream().filter(s -> s.name().startsWith("jvm_threads_current")
                                || s.name().equals("jvm_host_unmonitorable")).toList());
            }
            Thread.sleep(200);
            last = scrape();
        }
        return last;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
