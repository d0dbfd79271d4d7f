package dev.vigil.bench.reliability;

import dev.vigil.hub.remote.sender.WriteRequestEncoder;
import dev.vigil.model.Labels;
import io.airlift.compress.snappy.SnappyCompressor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Remote-write batches of known samples, encoded with the hub's own sender encoder (protobuf in
 * snappy's block format, as Prometheus sends them). Batch {@code k} holds, for each of
 * {@code series} series {@code NAME{series="s"}}, {@code perSeries} samples at
 * {@code base + j} ms with the value {@link #value(long, int, int)}, so a reader can say exactly
 * which samples must exist.
 */
final class RemoteWriter {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int series;
    private final int perSeries;
    private final Labels[] labels;

    RemoteWriter(String name, int series, int perSeries) {
        this.name = name;
        this.series = series;
        this.perSeries = perSeries;
        this.labels = new Labels[series];
        for (int s = 0; s < series; s++) {
            labels[s] = Labels.of("__name__", name, "series", Integer.toString(s));
        }
    }

    String name() {
        return name;
    }

    int series() {
        return series;
    }

    int perSeries() {
        return perSeries;
    }

    int samplesPerBatch() {
        return series * perSeries;
    }

    /** The value of batch {@code k}'s {@code j}th sample of series {@code s}: exact in a double. */
    static double value(long k, int s, int j) {
        return k * 1000.0 + s * 10 + j + 0.25;
    }

    /** Batch {@code k} with its samples at {@code base, base + 1, ...} ms. */
    byte[] batch(long k, long base) {
        WriteRequestEncoder encoder = new WriteRequestEncoder();
        long[] ts = new long[perSeries];
        double[] vs = new double[perSeries];
        for (int s = 0; s < series; s++) {
            for (int j = 0; j < perSeries; j++) {
                ts[j] = base + j;
                vs[j] = value(k, s, j);
            }
            encoder.add(labels[s], ts, vs, perSeries);
        }
        SnappyCompressor snappy = new SnappyCompressor();
        byte[] compressed = new byte[snappy.maxCompressedLength(encoder.length())];
        int len = snappy.compress(encoder.bytes(), 0, encoder.length(), compressed, 0, compressed.length);
        return Arrays.copyOf(compressed, len);
    }

    /** How a hub's stored samples compare with the batches it should hold. */
    record Check(long expected, long missing, long unexpected) {
    }

    /**
     * Compares what the hub holds for this writer's series (a raw range query up to just after the
     * newest batch) with the batches in {@code batches} (batch number to base time): samples missing
     * or with another value, and samples the hub holds that are in none of them.
     */
    Check check(HubProcess hub, java.util.SortedMap<Long, Long> batches) throws IOException, InterruptedException {
        long newest = java.util.Collections.max(batches.values());
        long oldest = java.util.Collections.min(batches.values());
        long rangeSeconds = (newest - oldest) / 1000 + 60;
        java.util.Map<java.util.Map<String, String>, java.util.List<double[]>> stored = Json.matrix(
                hub.query(name + "[" + rangeSeconds + "s]", newest + perSeries));
        long missing = 0;
        long unexpected = 0;
        for (int s = 0; s < series; s++) {
            java.util.Map<Long, Double> byTime = new java.util.HashMap<>();
            for (double[] p : stored.getOrDefault(java.util.Map.of("__name__", name, "series", Integer.toString(s)),
                    java.util.List.of())) {
                byTime.put((long) p[0], p[1]);
            }
            int matched = 0;
            for (java.util.Map.Entry<Long, Long> batch : batches.entrySet()) {
                for (int j = 0; j < perSeries; j++) {
                    Double v = byTime.get(batch.getValue() + j);
                    if (v != null && v == value(batch.getKey(), s, j)) {
                        matched++;
                    } else {
                        missing++;
                    }
                }
            }
            unexpected += byTime.size() - matched;
        }
        return new Check((long) batches.size() * samplesPerBatch(), missing, unexpected);
    }

    /** Posts one body; returns the HTTP status, or -1 when the hub did not answer (down, killed mid-request). */
    static int post(String url, byte[] body) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException down) {
            return -1;
        }
    }
}
