package dev.vigil.hub.discovery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * A Kubernetes API server on loopback, enough for kubernetes_sd: checks the bearer token (401
 * with a Status otherwise), answers lists from per-path bodies, and streams watch events queued
 * per path as JSON lines until told to end the stream.
 */
final class FakeKubernetesApi implements AutoCloseable {
    private static final String END = "\u0000end";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicReference<String> token = new AtomicReference<>();
    private final Map<String, String> lists = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<String>> events = new ConcurrentHashMap<>();
    /** Every request as {@code status path?query}. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    /** Plain HTTP when {@code tls} is null. */
    FakeKubernetesApi(String bearerToken, SSLContext tls) throws IOException {
        token.set(bearerToken);
        if (tls == null) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } else {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The token the server accepts from now on. */
    void token(String bearerToken) {
        token.set(bearerToken);
    }

    /** What a list of {@code path} returns: the items and the list's resourceVersion. */
    void list(String path, String resourceVersion, String... items) {
        lists.put(path, "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""
                + resourceVersion + "\"},\"items\":[" + String.join(",", items) + "]}");
    }

    /** Queues a watch event for {@code path} (sent on the current or next watch stream). */
    void event(String path, String type, String object) {
        queue(path).add("{\"type\":\"" + type + "\",\"object\":" + object + "}");
    }

    /** Ends the current watch stream of {@code path}, as the server does after timeoutSeconds. */
    void endWatch(String path) {
        queue(path).add(END);
    }

    private BlockingQueue<String> queue(String path) {
        return events.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    /** How many requests got {@code status}. */
    long count(int status) {
        return requests.stream().filter(r -> r.startsWith(status + " ")).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        try (exchange) {
            if (!("Bearer " + token.get()).equals(auth)) {
                requests.add("401 " + path + "?" + query);
                send(exchange, 401, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
                return;
            }
            requests.add("200 " + path + "?" + query);
            if (!query.contains("watch=true")) {
                send(exchange, 200, lists.getOrDefault(path,
                        "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[]}"));
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            BlockingQueue<String> queue = queue(path);
            while (!stopping) {
                String line;
                try {
                    line = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (line == null) {
                    continue;
                }
                if (line.equals(END)) {
                    return;
                }
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        stopping = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
