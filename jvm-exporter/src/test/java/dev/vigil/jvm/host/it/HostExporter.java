package dev.vigil.jvm.host.it;

import dev.vigil.exporter.testing.HttpProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/vigil-jvm-exporter} on a free loopback port, run as the checked-in launcher runs it
 * (its JVM flags, the packaged jar), and scraped over HTTP. Closing stops it.
 */
final class HostExporter implements AutoCloseable {
    private static final Path LAUNCHER = Path.of(System.getProperty("basedir", "."), "..", "bin", "vigil-jvm-exporter")
            .toAbsolutePath().normalize();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

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
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
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
