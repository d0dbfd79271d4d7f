package dev.vigil.node.testing;

import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.node.NodeExporterMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrapes an exporter started with given flags: ours in-process ({@link #vigil}) or Debian's
 * node_exporter 1.5 binary ({@link #reference}), so a test can hand both the same flags and compare.
 */
public final class Exporters {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Where the reference binary may be: Debian's package name first, then upstream's. */
    private static final List<Path> REFERENCE_BINARIES = List.of(
            Path.of("/usr/bin/prometheus-node-exporter"), Path.of("/usr/local/bin/node_exporter"));

    private Exporters() {
    }

    /** The reference node_exporter binary; fails the test if it is not installed. */
    public static Path referenceBinary() {
        for (Path binary : REFERENCE_BINARIES) {
            if (Files.isExecutable(binary)) {
                return binary;
            }
        }
        throw new AssertionError("node_exporter 1.5 is not installed (apt-get install prometheus-node-exporter)");
    }

    /** One scrape of our node exporter, started in-process with {@code args}. */
    public static Scrape vigil(List<String> args) throws Exception {
        return vigil(args, 1).get(0);
    }

    /** {@code count} scrapes, one after another, of one run of our node exporter. */
    public static List<Scrape> vigil(List<String> args, int count) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.add("--web.listen-address=127.0.0.1:0");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        List<Scrape> scrapes = new ArrayList<>();
        try (ExporterApp.Running running = ExporterApp.start(NodeExporterMain.spec(), all.toArray(String[]::new),
                logStream, logStream)) {
            for (int i = 0; i < count; i++) {
                scrapes.add(Scrape.parse(get(running.ports().get(0))));
            }
        } catch (ExporterApp.ExitException e) {
            throw new AssertionError("vigil-node-exporter exited " + e.code() + ":\n" + log.toString(StandardCharsets.UTF_8));
        }
        return scrapes;
    }

    /** One scrape of Debian's node_exporter 1.5 started with {@code args}. */
    public static Scrape reference(List<String> args) throws Exception {
        return reference(args, 1).get(0);
    }

    /** {@code count} scrapes of one run of the reference node_exporter. */
    public static List<Scrape> reference(List<String> args, int count) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(referenceBinary().toString());
        command.addAll(args);
        command.add("--web.listen-address=127.0.0.1:" + port);
        Path log = Files.createTempFile("node_exporter", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            List<Scrape> scrapes = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (scrapes.isEmpty()) {
                try {
                    scrapes.add(Scrape.parse(get(port)));
                } catch (IOException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new AssertionError("node_exporter did not serve: " + Files.readString(log), e);
                    }
                    Thread.sleep(50);
                }
            }
            for (int i = 1; i < count; i++) {
                scrapes.add(Scrape.parse(get(port)));
            }
            return scrapes;
        } finally {
            process.destroy();
            process.waitFor();
            Files.deleteIfExists(log);
        }
    }

    private static String get(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
