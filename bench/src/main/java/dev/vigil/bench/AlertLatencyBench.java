package dev.vigil.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notification latency after group_wait, side by side: posts the same alerts (ALERTS spread over
 * GROUPS groups by a {@code cluster} label) to several Alertmanager API v2 endpoints and receives
 * their webhooks; per group, latency = webhook arrival - (time the group's first alert was sent +
 * group_wait). Conservative: the group is created while the POST is in flight, not before it.
 * Prints a markdown table, a {@code Ratios:} line (each later peer over the first) and
 * {@code RESULT routing PEER p50_ms|p90_ms|p99_ms|max_ms VALUE} lines for bench/compare.sh.
 *
 * <pre>AlertLatencyBench ALERTS GROUPS GROUP_WAIT_S name=apiURL=webhookPort ...</pre>
 */
public final class AlertLatencyBench {
    private static final Pattern CLUSTER = Pattern.compile("\"groupLabels\":\\{[^}]*\"cluster\":\"(c\\d+)\"");
    private static final Pattern FINGERPRINT = Pattern.compile("\"fingerprint\":");

    private record Target(String name, URI api, int webhookPort) {
    }

    /** What one target's webhook received. */
    private static final class Received {
        final Map<String, Long> firstArrivalNanos = new ConcurrentHashMap<>();
        final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
        final Map<String, Long> ackNanos = new ConcurrentHashMap<>();
        final AtomicLong notifications = new AtomicLong();
        final AtomicLong alerts = new AtomicLong();
    }

    /** Rounds before the measured one: a long-running appliance is warm (JIT, connection pools). */
    static final int WARMUP_ROUNDS = 2;

    private AlertLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = Integer.parseInt(args[0]);
        int groups = Integer.parseInt(args[1]);
        Duration groupWait = Duration.ofSeconds(Long.parseLong(args[2]));
        List<Target> targets = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] p = args[i].split("=", 3);
            targets.add(new Target(p[0], URI.create(p[1] + "/api/v2/alerts"), Integer.parseInt(p[2])));
        }
        List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<HttpServer> servers = new ArrayList<>();
        for (Target t : targets) {
            int index = received.size();
            received.add(new Received());
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", t.webhookPort()), 1024);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.createContext("/", ex -> {
                long now = System.nanoTime();
                Received r = received.get(index);
                String body;
                try (InputStream in = ex.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = CLUSTER.matcher(body);
                if (m.find()) {
                    r.firstArrivalNanos.putIfAbsent(m.group(1), now);
                }
                r.notifications.incrementAndGet();
                r.alerts.addAndGet(FINGERPRINT.matcher(body).results().count());
                ex.sendResponseHeaders(200, -1);
                ex.close();
            });
            s.start();
            servers.add(s);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int perGroup = Math.max(1, alerts / groups);
        System.out.printf(Locale.ROOT, "%d alerts in %d groups, group_wait %ds; peers measured one after the other,"
                + " each after %d warm-up rounds%n", groups * perGroup, groups, groupWait.toSeconds(), WARMUP_ROUNDS);
        System.out.println("| peer | groups notified | notifications | alerts | p50 ms | p90 ms | p99 ms | max ms "
                + "| p50 ms from POST answered | p99 ms from POST answered | POST of 100 alerts p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        double[][] figures = new double[targets.size()][];
        for (int ti = 0; ti < targets.size(); ti++) {
            Target t = targets.get(ti);
            for (int w = 0; w < WARMUP_ROUNDS; w++) {
                Received warm = new Received();
                received.set(ti, warm);
                round(client, t, warm, "Warmup" + w, groups, perGroup, groupWait);
            }
            Received r = new Received();
            received.set(ti, r);
            round(client, t, r, "BenchAlert", groups, perGroup, groupWait);
            List<Double> lat = new ArrayList<>();
            List<Double> fromAck = new ArrayList<>();
            List<Double> post = new ArrayList<>();
            for (Map.Entry<String, Long> e : r.firstArrivalNanos.entrySet()) {
                lat.add((e.getValue() - r.sentNanos.get(e.getKey()) - groupWait.toNanos()) / 1e6);
                fromAck.add((e.getValue() - r.ackNanos.get(e.getKey()) - groupWait.toNanos()) / 1e6);
                post.add((r.ackNanos.get(e.getKey()) - r.sentNanos.get(e.getKey())) / 1e6);
            }
            lat.sort(null);
            fromAck.sort(null);
            post.sort(null);
            figures[ti] = new double[] {pct(lat, 0.5), pct(lat, 0.9), pct(lat, 0.99), lat.isEmpty() ? Double.NaN : lat.getLast()};
            System.out.printf(Locale.ROOT,
                    "| %s | %d/%d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    t.name(), r.firstArrivalNanos.size(), groups, r.notifications.get(), r.alerts.get(),
                    figures[ti][0], figures[ti][1], figures[ti][2], figures[ti][3],
                    pct(fromAck, 0.5), pct(fromAck, 0.99), pct(post, 0.5), pct(post, 0.99));
        }
        StringBuilder ratios = new StringBuilder("Ratios: latency after group_wait");
        for (int ti = 1; ti < targets.size(); ti++) {
            ratios.append(String.format(Locale.ROOT, " %s/%s p50 %.2fx, p90 %.2fx, p99 %.2fx, max %.2fx;",
                    targets.get(ti).name(), targets.getFirst().name(), figures[ti][0] / figures[0][0],
                    figures[ti][1] / figures[0][1], figures[ti][2] / figures[0][2], figures[ti][3] / figures[0][3]));
        }
        System.out.println(ratios);
        for (int ti = 0; ti < targets.size(); ti++) {
            String[] metrics = {"p50_ms", "p90_ms", "p99_ms", "max_ms"};
            for (int k = 0; k < metrics.length; k++) {
                System.out.printf(Locale.ROOT, "RESULT routing %s %s %.2f%n", targets.get(ti).name(), metrics[k], figures[ti][k]);
            }
        }
        servers.forEach(s -> s.stop(0));
    }

    /** Posts one round (alerts named {@code name}) and waits until every group was notified. */
    private static void round(HttpClient client, Target t, Received r, String name, int groups, int perGroup,
            Duration groupWait) throws Exception {
        String startsAt = Instant.now().toString();
        int batch = 10; // groups per POST: 10 x 10 alerts, about a Prometheus batch
        for (int g0 = 0; g0 < groups; g0 += batch) {
            StringBuilder json = new StringBuilder("[");
            for (int g = g0; g < Math.min(groups, g0 + batch); g++) {
                for (int a = 0; a < perGroup; a++) {
                    if (json.length() > 1) {
                        json.append(',');
                    }
                    json.append("{\"labels\":{\"alertname\":\"").append(name).append("\",\"cluster\":\"c").append(g)
                            .append("\",\"instance\":\"host-").append(g).append('-').append(a)
                            .append(":9100\",\"severity\":\"warning\"},\"annotations\":{\"summary\":\"load high\"},")
                            .append("\"startsAt\":\"").append(startsAt).append("\"}");
                }
            }
            json.append(']');
            long sent = System.nanoTime();
            for (int g = g0; g < Math.min(groups, g0 + batch); g++) {
                r.sentNanos.put("c" + g, sent);
            }
            HttpResponse<String> resp = client.send(HttpRequest.newBuilder(t.api())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(t.name() + ": " + resp.statusCode() + " " + resp.body());
            }
            long ack = System.nanoTime();
            for (int g = g0; g < Math.min(groups, g0 + batch); g++) {
                r.ackNanos.put("c" + g, ack);
            }
        }
        long deadline = System.nanoTime() + groupWait.toNanos() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && r.firstArrivalNanos.size() < groups) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // late duplicates would show in the counts
    }

    private static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
