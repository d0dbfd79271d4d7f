package dev.vigil.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end alert latency, side by side: serves one scrape target whose gauge {@code flip} the
 * bench sets to 1 and back to 0, receives every peer's webhook (path {@code /NAME}), and times
 * condition set -> first {@code firing} webhook and condition cleared -> first {@code resolved}
 * webhook per peer, over CYCLES cycles after one warm-up cycle. The peers (a hub with its built-in
 * Alertmanager; Prometheus with Alertmanager) scrape the same target and evaluate the same rule
 * ({@code flip == 1}, {@code for: 0s}), so they see each change at the same instant. Before each
 * change a random pause of up to {@code -DjitterMs=1000} (the script passes the interval) moves the
 * change against the peers' scrape and evaluation phases; without it each change would come just
 * after the slower peer's webhook, at the same point of its cycle every time. Prints a markdown
 * table and a {@code Ratios:} line (the first peer over each other). With {@code -Draw=FILE} it
 * appends the run's latencies to FILE and prints a one-line summary and the run's {@code RESULT
 * alert-firing|alert-resolved PEER p50_ms|p90_ms|max_ms VALUE} lines (bench/compare.sh takes the
 * median over the runs and shows their spread) instead; {@code report FILE}
 * then prints the table over every run appended (the script restarts the peers between runs: each
 * start puts their scrape and evaluation cycles at new offsets from each other, which moves their
 * latencies by up to an interval).
 *
 * <pre>
 * AlertEndToEndBench CYCLES TARGET_PORT HOOK_PORT NAME=API_URL...
 * AlertEndToEndBench report RAW_FILE
 * </pre>
 */
public final class AlertEndToEndBench {
    /** The group's status: payload version 4 writes receiver, then status, then the alerts. */
    private static final Pattern STATUS = Pattern.compile("\"status\":\"(firing|resolved)\"");
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(30);

    private static volatile int flip;

    /** One peer: its name, API, and the arrival of the webhook the current phase waits for. */
    private static final class Peer {
        final String name;
        final URI api;
        final AtomicLong arrival = new AtomicLong();
        final AtomicLong webhooks = new AtomicLong();
        volatile String awaited = "";
        int cycles;
        final List<Double> firing = new ArrayList<>();
        final List<Double> resolved = new ArrayList<>();

        Peer(String name, URI api) {
            this.name = name;
            this.api = api;
        }
    }

    private AlertEndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("report")) {
            report(readRaw(Path.of(args[1])));
            return;
        }
        if (args.length < 4) {
            System.err.println("usage: AlertEndToEndBench CYCLES TARGET_PORT HOOK_PORT NAME=API_URL...\n"
                    + "       AlertEndToEndBench report RAW_FILE");
            System.exit(2);
        }
        int cycles = Integer.parseInt(args[0]);
        List<Peer> peers = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] p = args[i].split("=", 2);
            Peer peer = new Peer(p[0], URI.create(p[1]));
            peer.cycles = cycles;
            peers.add(peer);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpServer target = HttpServer.create(new InetSocketAddress(loopback, Integer.parseInt(args[1])), 64);
        target.createContext("/metrics", ex -> {
            byte[] body = ("# TYPE flip gauge\nflip " + flip + "\n").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        target.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        HttpServer hooks = HttpServer.create(new InetSocketAddress(loopback, Integer.parseInt(args[2])), 64);
        for (Peer peer : peers) {
            hooks.createContext("/" + peer.name, ex -> {
                long now = System.nanoTime();
                String body;
                try (InputStream in = ex.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                peer.webhooks.incrementAndGet();
                Matcher m = STATUS.matcher(body);
                if (m.find() && m.group(1).equals(peer.awaited)) {
                    peer.arrival.compareAndSet(0, now);
                }
                ex.sendResponseHeaders(200, -1);
                ex.close();
            });
        }
        hooks.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        target.start();
        hooks.start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (Peer peer : peers) {
                awaitScraped(client, peer);
            }
            SplittableRandom random = new SplittableRandom(12);
            int jitterMs = Integer.getInteger("jitterMs", 1000);
            for (int c = -1; c < cycles; c++) {
                boolean counted = c >= 0;
                Thread.sleep(random.nextInt(jitterMs));
                phase(peers, 1, "firing", counted);
                Thread.sleep(random.nextInt(jitterMs));
                phase(peers, 0, "resolved", counted);
            }
        } finally {
            target.stop(0);
            hooks.stop(0);
        }
        String raw = System.getProperty("raw");
        if (raw == null) {
            report(peers);
            return;
        }
        StringBuilder lines = new StringBuilder();
        StringBuilder summary = new StringBuilder("run:");
        StringBuilder results = new StringBuilder();
        for (Peer peer : peers) {
            for (double ms : peer.firing) {
                lines.append(peer.name).append(" firing ").append(ms).append('\n');
            }
            for (double ms : peer.resolved) {
                lines.append(peer.name).append(" resolved ").append(ms).append('\n');
            }
            lines.append(peer.name).append(" cycles ").append(cycles).append('\n');
            peer.firing.sort(null);
            peer.resolved.sort(null);
            summary.append(String.format(Locale.ROOT, " %s firing median %.0f ms, resolved median %.0f ms (%d webhooks);",
                    peer.name, pct(peer.firing, 0.5), pct(peer.resolved, 0.5), peer.webhooks.get()));
            for (String kind : List.of("firing", "resolved")) {
                List<Double> ms = kind.equals("firing") ? peer.firing : peer.resolved;
                results.append(String.format(Locale.ROOT, "RESULT alert-%s %s p50_ms %.1f%nRESULT alert-%s %s p90_ms %.1f%n"
                        + "RESULT alert-%s %s max_ms %.1f%n", kind, peer.name, pct(ms, 0.5), kind, peer.name, pct(ms, 0.9),
                        kind, peer.name, ms.isEmpty() ? Double.NaN : ms.getLast()));
            }
        }
        Files.writeString(Path.of(raw), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(summary);
        System.out.print(results);
    }

    /** Peers with their latencies and cycles from the lines one or more runs appended. */
    private static List<Peer> readRaw(Path raw) throws IOException {
        Map<String, Peer> peers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(raw)) {
            String[] f = line.split(" ");
            Peer peer = peers.computeIfAbsent(f[0], name -> new Peer(name, null));
            switch (f[1]) {
                case "firing" -> peer.firing.add(Double.parseDouble(f[2]));
                case "resolved" -> peer.resolved.add(Double.parseDouble(f[2]));
                default -> peer.cycles += Integer.parseInt(f[2]);
            }
        }
        return new ArrayList<>(peers.values());
    }

    /** Waits (at most 60 s) until the peer's API answers {@code flip} from a scrape. */
    private static void awaitScraped(HttpClient client, Peer peer) throws Exception {
        URI uri = URI.create(peer.api + "/api/v1/query?query=" + URLEncoder.encode("flip", StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String body = client.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"result\":[{")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(peer.name + " has not scraped the target in 60 s");
    }

    /** Sets the condition and waits (at most 30 s) for every peer's webhook of that status. */
    private static void phase(List<Peer> peers, int value, String status, boolean counted) throws InterruptedException {
        for (Peer peer : peers) {
            peer.arrival.set(0);
            peer.awaited = status;
        }
        long set = System.nanoTime();
        flip = value;
        long deadline = set + PHASE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && peers.stream().anyMatch(p -> p.arrival.get() == 0)) {
            Thread.sleep(5);
        }
        for (Peer peer : peers) {
            peer.awaited = "";
            long at = peer.arrival.get();
            if (counted && at != 0) {
                (value == 1 ? peer.firing : peer.resolved).add((at - set) / 1e6);
            }
        }
    }

    private static void report(List<Peer> peers) {
        System.out.println("| peer | webhook | cycles notified | median ms | p90 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (Peer peer : peers) {
            for (String kind : List.of("firing", "resolved")) {
                List<Double> ms = kind.equals("firing") ? peer.firing : peer.resolved;
                ms.sort(null);
                System.out.printf(Locale.ROOT, "| %s | %s | %d/%d | %.0f | %.0f | %.0f |%n", peer.name, kind, ms.size(),
                        peer.cycles, pct(ms, 0.5), pct(ms, 0.9), ms.isEmpty() ? Double.NaN : ms.getLast());
            }
        }
        StringBuilder ratios = new StringBuilder("Ratios:");
        Peer first = peers.getFirst();
        for (Peer other : peers.subList(1, peers.size())) {
            for (String kind : List.of("firing", "resolved")) {
                List<Double> a = kind.equals("firing") ? first.firing : first.resolved;
                List<Double> b = kind.equals("firing") ? other.firing : other.resolved;
                ratios.append(String.format(Locale.ROOT, " %s/%s %s median %.2fx, p90 %.2fx, max %.2fx;", first.name,
                        other.name, kind, pct(a, 0.5) / pct(b, 0.5), pct(a, 0.9) / pct(b, 0.9),
                        a.isEmpty() || b.isEmpty() ? Double.NaN : a.getLast() / b.getLast()));
            }
        }
        System.out.println(ratios);
    }

    private static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
