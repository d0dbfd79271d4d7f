package dev.vigil.hub.ui;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real hub for the UI tests, through {@code bin/vigil-hub}: it scrapes itself and a real
 * node_exporter 1.5 every second, evaluates a rule file (an alert that fires, one that stays
 * pending, a recording rule) and routes alerts with an alertmanager.yml to a webhook receiver.
 * An inhibit rule mutes InhibitTarget alerts while an InhibitSource alert of the same cluster fires
 * (nothing fires those unless a test posts them). With a web config, {@code admin:alice} and {@code viewer:bob} sign in (basic auth).
 */
final class UiHub implements AutoCloseable {
    static final Path LAUNCHER = Path.of("..", "bin", "vigil-hub").toAbsolutePath().normalize();
    static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");
    static final String ADMIN_PASSWORD = "admin-secret";
    static final String VIEWER_PASSWORD = "viewer-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path dir;
    final int port;
    final int nodePort;
    final String base;
    private final List<Process> processes = new ArrayList<>();

    private UiHub(Path dir, int port, int nodePort) {
        this.dir = dir;
        this.port = port;
        this.nodePort = nodePort;
        this.base = "http://127.0.0.1:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the hub (with basic auth when {@code auth}) and waits until both targets are up. */
    static UiHub start(Path dir, boolean auth) throws Exception {
        UiHub hub = new UiHub(dir, freePort(), freePort());
        try {
            hub.launch(auth);
        } catch (Exception | AssertionError e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    private void launch(boolean auth) throws Exception {
        processes.add(new ProcessBuilder(NODE_EXPORTER.toString(), "--web.listen-address=127.0.0.1:" + nodePort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("node_exporter.log").toFile()).start());
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: fleet
                    interval: 1s
                    rules:
                      - record: instance:node_cpu:rate1m
                        expr: sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[1m]))
                      - alert: TargetUp
                        expr: up == 1
                        labels: {severity: info}
                        annotations: {summary: "{{ $labels.instance }} of {{ $labels.job }} is up"}
                      - alert: SlowToFire
                        expr: up{job="node"} == 1
                        for: 1h
                        labels: {severity: warning}
                """);
        Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                + "  evaluation_interval: 1s\nrule_files: [\"" + rules + "\"]\nscrape_configs:\n"
                + "  - job_name: vigil-hub\n" + (auth ? "    basic_auth: {username: bob, password: " + VIEWER_PASSWORD
                + "}\n" : "") + "    static_configs:\n      - targets: [\"127.0.0.1:" + port + "\"]\n"
                + "  - job_name: node\n    static_configs:\n      - targets: [\"127.0.0.1:" + nodePort + "\"]\n");
        Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: team
                  group_by: [alertname]
                  group_wait: 1s
                  group_interval: 5s
                  repeat_interval: 1h
                receivers:
                  - name: team
                    webhook_configs:
                      - url: http://127.0.0.1:9/hook
                inhibit_rules:
                  - source_matchers: ['alertname="InhibitSource"']
                    target_matchers: ['alertname="InhibitTarget"']
                    equal: [cluster]
                """);
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                "--alertmanager.config.file=" + dir.resolve("alertmanager.yml")));
        if (auth) {
            Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n"
                    + "  alice: " + bcrypt(ADMIN_PASSWORD) + "\n  bob: " + bcrypt(VIEWER_PASSWORD) + "\n"
                    + "admin:\n  users: [alice]\n");
            cmd.add("--web.config.file=" + dir.resolve("web.yml"));
        }
        processes.add(new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("hub.log").toFile()).start());
        await("/api/v1/targets", body -> body.split("\"health\":\"up\"", -1).length == 3);
    }

    private static String bcrypt(String password) {
        return at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, password.toCharArray());
    }

    /** GET as the admin (works with and without auth). */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic("alice", ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a JSON body as the admin. */
    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", basic("alice", ADMIN_PASSWORD)).POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** Polls an API path (as the admin) until its body passes, for up to 60 s. */
    String await(String path, Predicate<String> until) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(path);
                last = r.body();
                if (r.statusCode() == 200 && until.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out on " + path + ": " + last + "\nhub log:\n" + log());
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("hub.log"));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes.reversed()) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
