package dev.vigil.bench;

import dev.vigil.hub.remote.sender.WriteRequestEncoder;
import dev.vigil.model.Labels;
import io.airlift.compress.snappy.SnappyCompressor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Query latency side by side: loads the same simulated fleet into every peer through remote write
 * ({@link NodeFleet}'s node_exporter-shaped hosts plus their {@code up} series, one sample per
 * series every 15 s), then runs the five queries against each peer's HTTP API in turn and
 * prints the median latency per query and peer as a markdown table (and the first peer's ratio to
 * each other one) and {@code RESULT query PEER QUERY_ms VALUE} lines for bench/compare.sh, after a warm-up of {@code -DwarmupSeconds=10} per
 * query (a long-running JIT-compiled server is measured in its steady state).
 *
 * <pre>
 * java -cp bench.jar dev.vigil.bench.QueryBench load HOSTS MINUTES END_MS WRITE_URL...
 * java -cp bench.jar dev.vigil.bench.QueryBench query REPEAT END_MS MINUTES NAME=API_URL...
 * </pre>
 */
public final class QueryBench {
    private static final long STEP_MS = 15_000;
    private static final int STEPS_PER_REQUEST = 20;
    private static final int SERIES_PER_REQUEST = 2_000;

    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    Arrays.copyOfRange(args, 4, args.length));
            case "query" -> query(Integer.parseInt(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]),
                    Arrays.copyOfRange(args, 4, args.length));
            default -> throw new IllegalArgumentException("load or query");
        }
    }

    private static void load(int hosts, int minutes, long end, String[] urls) throws Exception {
        NodeFleet fleet = new NodeFleet(Path.of(System.getProperty("data", "bench/data")), hosts, 42);
        int perHost = fleet.size() / hosts;
        List<Labels> labels = new ArrayList<>(fleet.size() + hosts);
        for (int i = 0; i < fleet.size(); i++) {
            labels.add(fleet.labels(i));
        }
        for (int h = 0; h < hosts; h++) {
            labels.add(Labels.of("__name__", "up", "instance", "host-" + h + ":9100", "job", "node"));
        }
        int n = labels.size();
        int steps = (int) (minutes * 60_000L / STEP_MS) + 1;
        long start = end - (steps - 1) * STEP_MS;
        System.out.printf(Locale.ROOT, "loading %d series (%d hosts x %d + up) x %d samples = %d samples into %d peer(s)%n",
                n, hosts, perHost, steps, (long) n * steps, urls.length);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        WriteRequestEncoder encoder = new WriteRequestEncoder();
        SnappyCompressor snappy = new SnappyCompressor();
        double[][] values = new double[STEPS_PER_REQUEST][];
        long[] ts = new long[STEPS_PER_REQUEST];
        double[] vs = new double[STEPS_PER_REQUEST];
        long t0 = System.nanoTime();
        for (int first = 0; first < steps; first += STEPS_PER_REQUEST) {
            int count = Math.min(STEPS_PER_REQUEST, steps - first);
            for (int k = 0; k < count; k++) {
                values[k] = fleet.step().clone();
            }
            for (int from = 0; from < n; from += SERIES_PER_REQUEST) {
                encoder.reset();
                for (int s = from; s < Math.min(n, from + SERIES_PER_REQUEST); s++) {
                    for (int k = 0; k < count; k++) {
                        ts[k] = start + (first + k) * STEP_MS;
                        vs[k] = s < fleet.size() ? values[k][s] : 1;
                    }
                    encoder.add(labels.get(s), ts, vs, count);
                }
                byte[] compressed = new byte[snappy.maxCompressedLength(encoder.length())];
                int len = snappy.compress(encoder.bytes(), 0, encoder.length(), compressed, 0, compressed.length);
                byte[] body = Arrays.copyOf(compressed, len);
                for (String url : urls) {
                    post(client, url, body);
                }
            }
            System.out.printf(Locale.ROOT, "  %d/%d steps, %.0f s%n", Math.min(steps, first + count), steps,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void post(HttpClient client, String url, byte[] body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new IOException(url + ": HTTP " + res.statusCode() + ": " + res.body());
        }
    }

    /** One benchmark query: instant at the end, or a range over the loaded hour. */
    private record Bench(String name, String expr, boolean range, String metric) {
    }

    /** Runs one query against one peer; returns the body. */
    private static String timed(HttpClient client, String peer, Bench b, long start, long end)
            throws IOException, InterruptedException {
        String base = peer.substring(peer.indexOf('=') + 1);
        String q = "query=" + URLEncoder.encode(b.expr, StandardCharsets.UTF_8);
        String url = b.range
                ? base + "/api/v1/query_range?" + q + "&start=" + start / 1000.0 + "&end=" + end / 1000.0 + "&step=15"
                : base + "/api/v1/query?" + q + "&time=" + end / 1000.0;
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IOException(peer + " " + b.expr + ": HTTP " + res.statusCode() + " " + res.body());
        }
        return res.body();
    }

    private static void query(int repeat, long end, int minutes, String[] peers) throws Exception {
        List<Bench> benches = List.of(
                new Bench("sum by (instance)(rate(cpu[1m])) 1h/15s", "sum by (instance)(rate(node_cpu_seconds_total[1m]))", true,
                        "sum_by_instance_rate_cpu_1h_ms"),
                new Bench("topk(5, node_load1)", "topk(5, node_load1)", false, "topk5_load1_ms"),
                new Bench("one series 1h/15s", "node_load1{instance=\"host-7:9100\"}", true, "one_series_1h_ms"),
                new Bench("sum(rate(net rx[5m])) 1h/15s", "sum(rate(node_network_receive_bytes_total[5m]))", true,
                        "sum_rate_net_rx_1h_ms"),
                new Bench("count(up == 1)", "count(up == 1)", false, "count_up_ms"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = end - minutes * 60_000L;
        String[] names = Arrays.stream(peers).map(p -> p.substring(0, p.indexOf('='))).toArray(String[]::new);
        StringBuilder head = new StringBuilder("| query |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String name : names) {
            head.append(' ').append(name).append(" ms |");
            rule.append("---|");
        }
        for (int p = 1; p < names.length; p++) {
            head.append(' ').append(names[0]).append(" / ").append(names[p]).append(" |");
            rule.append("---|");
        }
        System.out.println(head.append(" result bytes |"));
        System.out.println(rule.append("---|"));
        double[][] ratios = new double[names.length][benches.size()];
        List<String> results = new ArrayList<>(); // for bench/compare.sh: RESULT query PEER METRIC VALUE
        for (int bi = 0; bi < benches.size(); bi++) {
            Bench b = benches.get(bi);
            double[][] ms = new double[peers.length][repeat];
            String[] bodies = new String[peers.length];
            // Warm-up: at least three rounds and WARMUP_S seconds per query, so a JIT-compiled peer is
            // measured in the steady state a long-running server is in.
            long warmUntil = System.nanoTime() + Long.getLong("warmupSeconds", 10) * 1_000_000_000L;
            int warmRounds = 0;
            while (warmRounds < 3 || System.nanoTime() < warmUntil) {
                for (String peer : peers) {
                    timed(client, peer, b, start, end);
                }
                warmRounds++;
            }
            for (int r = 0; r < repeat; r++) {
                for (int p = 0; p < peers.length; p++) {
                    long t0 = System.nanoTime();
                    bodies[p] = timed(client, peers[p], b, start, end);
                    ms[p][r] = (System.nanoTime() - t0) / 1e6;
                }
            }
            StringBuilder line = new StringBuilder("| `").append(b.expr).append('`').append(b.range ? ", range" : "")
                    .append(" |");
            double[] medians = new double[peers.length];
            for (int p = 0; p < peers.length; p++) {
                Arrays.sort(ms[p]);
                medians[p] = ms[p][repeat / 2];
                results.add(String.format(Locale.ROOT, "RESULT query %s %s %.3f", names[p], b.metric, medians[p]));
                line.append(String.format(Locale.ROOT, " %.2f |", medians[p]));
            }
            for (int p = 1; p < peers.length; p++) {
                ratios[p][bi] = medians[0] / medians[p];
                line.append(String.format(Locale.ROOT, " %.2fx |", ratios[p][bi]));
            }
            line.append(Arrays.stream(bodies).map(s -> " " + s.length()).reduce("", String::concat)).append(" |");
            System.out.println(line);
        }
        StringBuilder summary = new StringBuilder("Ratios: median ms, ").append(names[0]).append(" / peer, per query in table order:");
        for (int p = 1; p < names.length; p++) {
            summary.append(' ').append(names[0]).append('/').append(names[p]);
            for (double r : ratios[p]) {
                summary.append(String.format(Locale.ROOT, " %.2fx", r));
            }
            double[] sorted = ratios[p].clone();
            Arrays.sort(sorted);
            summary.append(String.format(Locale.ROOT, " (median %.2fx);", sorted[sorted.length / 2]));
        }
        System.out.println(summary);
        for (String line : results) {
            System.out.println(line);
        }
    }
}
