package dev.vigil.promql.parser;

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
import java.util.concurrent.TimeUnit;

/**
 * The installed Prometheus 2.42 as an oracle: started on a free loopback port with an empty
 * configuration and its own storage directory, asked through its HTTP API, stopped at the end.
 */
final class RealPrometheus implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus");

    /** What the API answered: {@code ok} with {@code data} (a string, or the raw JSON), else the error text. */
    record Answer(boolean ok, String data, String error) {
    }

    private final Process process;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RealPrometheus(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static RealPrometheus start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global: {}\n");
        Process p = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        RealPrometheus prometheus = new RealPrometheus(p, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (prometheus.get("/-/ready").statusCode() == 200) {
                    return prometheus;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        prometheus.close();
        throw new IOException("Prometheus did not become ready; see " + dir.resolve("prometheus.log"));
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path?param=value}, the answer's {@code data} or {@code error} decoded. */
    Answer ask(String path, String param, String value) throws IOException, InterruptedException {
        String body = get(path + "?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)).body();
        boolean ok = body.startsWith("{\"status\":\"success\"");
        String error = ok ? null : jsonString(body, "\"error\":");
        String data = ok ? (body.contains("\"data\":\"") ? jsonString(body, "\"data\":") : "") : null;
        return new Answer(ok, data, error);
    }

    /** The JSON string value after {@code key}; enough JSON for Prometheus' flat answers. */
    static String jsonString(String body, String key) {
        int i = body.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("no " + key + " in " + body);
        }
        i = body.indexOf('"', i + key.length()) + 1;
        StringBuilder out = new StringBuilder();
        while (body.charAt(i) != '"') {
            char c = body.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = body.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(body.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
