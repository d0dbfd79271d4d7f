package dev.vigil.bench.reliability;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One hub, run through the checked-in launcher {@code bin/vigil-hub} on a loopback port with its
 * output appended to a log file. {@link #start()} returns once {@code /-/ready} answers 200 and
 * remembers how long that took; {@link #kill()} is {@code kill -9}. The same object restarts the hub
 * on the same data directory and port.
 */
final class HubProcess implements AutoCloseable {
    static final Path LAUNCHER = Path.of("..", "bin", "vigil-hub").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Path log;
    private final String heap;
    private final List<String> args;
    private Process process;
    private long lastReadyMillis;

    /**
     * @param heap the hub's -Xmx (VIGIL_HEAP)
     * @param args the hub's flags besides {@code --web.listen-address}
     */
    HubProcess(Path log, String heap, List<String> args) throws IOException {
        this.port = freePort();
        this.log = log;
        this.heap = heap;
        this.args = List.copyOf(args);
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Milliseconds from the process start to the first 200 from {@code /-/ready}, for the last start. */
    long lastReadyMillis() {
        return lastReadyMillis;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Starts the hub and waits (at most {@code 120 s}) until it is ready. */
    void start() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.add("--web.listen-address=127.0.0.1:" + port);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("VIGIL_HEAP", heap);
        // -Dreliability.hubJavaOpts="-Xlog:gc" adds JVM flags to the hub (its log gets them), for diagnosis
        String javaOpts = System.getProperty("reliability.hubJavaOpts", "");
        if (!javaOpts.isBlank()) {
            builder.environment().put("JAVA_OPTS", javaOpts);
        }
        long t0 = System.nanoTime();
        process = builder.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the hub exited with " + process.exitValue() + "\n" + tail());
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url("/-/ready")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    lastReadyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the hub was not ready within 120 s\n" + tail());
    }

    /** {@code kill -9} (what {@link Process#destroyForcibly()} sends on Linux), then waits for the exit. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the hub did not die after SIGKILL");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** The last 60 lines of the log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Copies the hub's log to {@code target/reliability/<name>.hub.log}, kept after the temporary directory goes. */
    void keepLog(String name) {
        try {
            Path dir = Path.of("target", "reliability");
            Files.createDirectories(dir);
            Files.copy(log, dir.resolve(name + ".hub.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("cannot keep the hub log " + log + ": " + e);
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An instant query at {@code timeMillis}; fails unless the answer is 200 with status success. */
    Json.Obj query(String expr, long timeMillis) throws IOException, InterruptedException {
        HttpResponse<String> res = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&time=" + timeMillis / 1000.0);
        if (res.statusCode() != 200) {
            throw new AssertionError(expr + ": HTTP " + res.statusCode() + " " + res.body());
        }
        return Json.parse(res.body()).obj("data");
    }
}
