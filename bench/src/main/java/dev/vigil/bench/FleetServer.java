package dev.vigil.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.model.GoFloats;
import dev.vigil.model.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A simulated fleet for scrape benchmarks: {@code TARGETS} node_exporter-shaped targets on
 * 127.0.0.1, ports {@code BASE_PORT} upwards, each serving {@code SERIES} series at /metrics whose
 * values move at every scrape as a real host's do ({@link NodeFleet}: the model is a real
 * node_exporter's 507 series; a target with more series serves several copies of the model, told
 * apart by a {@code replica} label, as a host with more CPUs and devices would). HELP and TYPE
 * lines precede each family; gzip when the scraper asks, as node_exporter does. So that the
 * simulator's own CPU stays small beside the scraper it measures, each target's next
 * {@code -Dversions=30} responses are rendered and gzipped at start and served in turn (at a 10 s
 * interval, five minutes of scrapes before the values start over). Writes {@code targets.json}
 * (file_sd) into {@code OUT_DIR} and runs until killed.
 *
 * <pre>java -cp bench/target/bench.jar dev.vigil.bench.FleetServer 200 1000 20000 OUT_DIR</pre>
 */
public final class FleetServer {
    private final NodeFleet fleet;
    private final int modelSize;
    private final int copies;
    private final int series;
    private final byte[][] prefixes;
    private final byte[][] headers;

    private FleetServer(int targets, int series) throws IOException {
        Path data = Path.of(System.getProperty("data", "bench/data"));
        NodeFleet one = new NodeFleet(data, 1, 1);
        this.modelSize = one.size();
        this.copies = (series + modelSize - 1) / modelSize;
        this.series = series;
        this.fleet = new NodeFleet(data, targets * copies, 42);
        this.prefixes = new byte[series][];
        this.headers = new byte[series][];
        String previousName = "";
        for (int k = 0; k < series; k++) {
            Labels labels = one.labels(k % modelSize);
            String name = labels.metricName();
            StringBuilder line = new StringBuilder(name).append('{');
            boolean first = true;
            for (int l = 0; l < labels.size(); l++) {
                String label = labels.name(l);
                if (label.equals(Labels.METRIC_NAME) || label.equals("instance") || label.equals("job")) {
                    continue;
                }
                line.append(first ? "" : ",").append(label).append("=\"").append(escape(labels.value(l))).append('"');
                first = false;
            }
            if (k >= modelSize) {
                line.append(first ? "" : ",").append("replica=\"").append(k / modelSize).append('"');
                first = false;
            }
            String text = first ? name + " " : line.append("} ").toString();
            prefixes[k] = text.getBytes(StandardCharsets.UTF_8);
            if (k < modelSize && !name.equals(previousName)) {
                headers[k] = ("# HELP " + name + " Simulated " + name + ".\n# TYPE " + name + " untyped\n")
                        .getBytes(StandardCharsets.UTF_8);
                previousName = name;
            }
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Target {@code t}'s exposition, its values moved one step on. */
    byte[] render(int t) {
        int from = t * copies * modelSize;
        fleet.step(from, from + copies * modelSize);
        double[] values = fleet.current();
        ByteArrayOutputStream out = new ByteArrayOutputStream(series * 96);
        for (int k = 0; k < series; k++) {
            if (headers[k] != null) {
                out.writeBytes(headers[k]);
            }
            out.writeBytes(prefixes[k]);
            out.writeBytes(GoFloats.format(values[from + k]).getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 4);
        try (OutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(body);
        }
        return zipped.toByteArray();
    }

    private void prerender(int targets, int versions) throws IOException {
        gzipped = new byte[targets][versions][];
        served = new java.util.concurrent.atomic.AtomicInteger[targets];
        for (int v = 0; v < versions; v++) {
            for (int t = 0; t < targets; t++) {
                gzipped[t][v] = gzip(render(t));
            }
        }
        for (int t = 0; t < targets; t++) {
            served[t] = new java.util.concurrent.atomic.AtomicInteger();
        }
    }

    private byte[][][] gzipped;
    private java.util.concurrent.atomic.AtomicInteger[] served;

    private void serve(int t, HttpExchange exchange) throws IOException {
        byte[] body;
        String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (encoding != null && encoding.contains("gzip")) {
            byte[][] versions = gzipped[t];
            body = versions[Math.floorMod(served[t].getAndIncrement(), versions.length)];
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        } else {
            body = render(t);
        }
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: FleetServer TARGETS SERIES BASE_PORT OUT_DIR");
            System.exit(2);
        }
        int targets = Integer.parseInt(args[0]);
        int series = Integer.parseInt(args[1]);
        int basePort = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        FleetServer server = new FleetServer(targets, series);
        int bodySize = server.render(0).length;
        server.prerender(targets, Integer.getInteger("versions", 30));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<String> addresses = new ArrayList<>();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int t = 0; t < targets; t++) {
            int target = t;
            HttpServer http = HttpServer.create(new InetSocketAddress(loopback, basePort + t), 64);
            http.createContext("/metrics", exchange -> server.serve(target, exchange));
            http.setExecutor(workers);
            http.start();
            addresses.add("\"127.0.0.1:" + (basePort + t) + "\"");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("targets.json"), "[{\"targets\": [" + String.join(", ", addresses) + "]}]\n");
        System.out.printf("fleet: %d targets x %d series on 127.0.0.1:%d-%d (%d B per scrape)%n", targets, series,
                basePort, basePort + targets - 1, bodySize);
        Thread.currentThread().join();
    }
}
