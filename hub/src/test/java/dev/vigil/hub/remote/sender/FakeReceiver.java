package dev.vigil.hub.remote.sender;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.hub.remote.WriteRequestDecoder;
import dev.vigil.model.Labels;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

/**
 * A remote-write receiver on loopback that decodes every request (snappy + protobuf) and answers
 * with the status {@code statusOf(requestNumber)} gives; keeps the samples of the requests it
 * acknowledged, per series in arrival order, and each request's headers and time.
 */
final class FakeReceiver implements AutoCloseable {
    /** One request as received. */
    record Request(long nanos, int status, int samples, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final Map<Labels, List<long[]>> accepted = new LinkedHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile IntUnaryOperator statusOf = n -> 204;
    /** How long each request takes to answer. */
    volatile long delayMillis;

    FakeReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/api/v1/write", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<WriteRequestDecoder.Series> series;
            int status;
            try {
                byte[] raw = new byte[(int) SnappyDecompressor.getUncompressedLength(body, 0)];
                new SnappyDecompressor().decompress(body, 0, body.length, raw, 0, raw.length);
                series = WriteRequestDecoder.decode(raw);
                int n = 0;
                for (WriteRequestDecoder.Series s : series) {
                    n += s.timestamps().length;
                }
                synchronized (this) {
                    status = statusOf.applyAsInt(requests.size());
                    requests.add(new Request(System.nanoTime(), status, n, Map.copyOf(exchange.getRequestHeaders())));
                    if (status / 100 == 2) {
                        for (WriteRequestDecoder.Series s : series) {
                            List<long[]> samples = accepted.computeIfAbsent(s.labels(), k -> new ArrayList<>());
                            for (int i = 0; i < s.timestamps().length; i++) {
                                samples.add(new long[] {s.timestamps()[i], Double.doubleToRawLongBits(s.values()[i])});
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write";
    }

    /** Accepted samples per series, as "t=v" strings in arrival order. */
    synchronized Map<Labels, List<String>> accepted() {
        Map<Labels, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<Labels, List<long[]>> e : accepted.entrySet()) {
            List<String> samples = new ArrayList<>();
            for (long[] s : e.getValue()) {
                samples.add(s[0] + "=" + Double.longBitsToDouble(s[1]));
            }
            out.put(e.getKey(), samples);
        }
        return out;
    }

    synchronized int acceptedCount() {
        return accepted.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
