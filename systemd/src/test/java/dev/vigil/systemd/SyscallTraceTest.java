package dev.vigil.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every system call a binary makes while it starts, answers a scrape and stops is one its unit's
 * {@code SystemCallFilter=} allows: the binary runs under {@code strace -f -c} (systemd is not
 * PID 1 here, so the unit itself cannot be started) and the calls strace counted are checked
 * against the filter resolved with this host's groups. This is what catches a filter that denies
 * what the JVM, JNA or a collector needs (a denied call fails with EPERM under the unit).
 */
class SyscallTraceTest {
    static final List<Unit> UNITS = Unit.ALL;
    private static final Duration START = Duration.ofSeconds(90);

    @ParameterizedTest
    @FieldSource("UNITS")
    void everyCallIsAllowed(Unit unit, @TempDir Path dir) throws Exception {
        int port = Binaries.freePort();
        List<String> args = new ArrayList<>(List.of("--web.listen-address=127.0.0.1:" + port));
        String path = "/metrics";
        switch (unit.binary()) {
            case "vigil-hub" -> {
                args.add("--storage.tsdb.path=" + dir.resolve("data"));
                Path alertmanager = Files.writeString(dir.resolve("alertmanager.yml"),
                        "route:\n  receiver: default\nreceivers:\n  - name: default\n");
                args.add("--alertmanager.config.file=" + alertmanager);
                path = "/api/v1/query?query=up";
            }
            case "vigil-node-exporter" -> args.add("--collector.textfile.directory=" + Files.createDirectories(dir.resolve("textfile")));
            default -> { }
        }
        Path summary = dir.resolve("strace.txt");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-c", "-o", summary.toString()));
        command.addAll(Binaries.command(unit, args));
        Process strace = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        try {
            scrapeWhenUp(port, path, strace, dir.resolve("output.txt"));
            scrapeWhenUp(port, path, strace, dir.resolve("output.txt")); // a second scrape: steady state
        } finally {
            strace.descendants().forEach(ProcessHandle::destroy); // SIGTERM to the JVM: its shutdown is traced too
            if (!strace.waitFor(60, TimeUnit.SECONDS)) {
                strace.descendants().forEach(ProcessHandle::destroyForcibly);
                strace.destroyForcibly().waitFor();
            }
        }
        Set<String> called = calls(summary);
        assertTrue(called.contains("openat") && called.contains("mmap"), "strace summary not read: " + called);

        Set<String> denied = new TreeSet<>(called);
        denied.removeAll(SyscallFilter.load().allowed(unit.read()));
        assertEquals(Set.of(), denied, unit + " denies calls " + unit.binary() + " makes");
    }

    private static void scrapeWhenUp(int port, String path, Process strace, Path output) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            if (!strace.isAlive()) {
                throw new AssertionError("exited early:\n" + Files.readString(output));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not answering after " + START + ":\n" + Files.readString(output), e);
                }
                Thread.sleep(250);
            }
        }
    }

    /** The system call names in strace's {@code -c} table (its last column; not the total row). */
    private static Set<String> calls(Path summary) throws IOException {
        Set<String> calls = new TreeSet<>();
        for (String line : Files.readAllLines(summary)) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 5 && words[0].matches("\\d+\\.\\d+") && !words[words.length - 1].equals("total")) {
                calls.add(words[words.length - 1]);
            }
        }
        return calls;
    }
}
