package dev.vigil.hub.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scrape HTTP client against a real server: keep-alive, chunked bodies, redirects, deadlines. */
class Http1ClientTest {
    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ScrapeTarget target(String address, String path, String timeout) throws Exception {
        HubConfig config = ConfigLoader.parse("t.yml", "scrape_configs:\n  - job_name: t\n    metrics_path: " + path
                + "\n    scrape_timeout: " + timeout + "\n    scrape_interval: 10s\n    static_configs: [{targets: ['" + address + "']}]\n");
        return ScrapeTarget.of(config.scrapeConfigs().get(0)).active().get(0);
    }

    private static String text(ScrapeBody body) {
        return new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8);
    }

    @Test
    void reusesTheConnectionReadsChunkedBodiesAndFollowsRedirects() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fixed", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = "fixed 1\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // length unknown: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 500; i++) {
                    out.write(("chunked{i=\"" + i + "\"} " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/fixed");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        String address = "127.0.0.1:" + server.getAddress().getPort();
        try (HttpFetcher fetcher = new HttpFetcher("test")) {
            for (int i = 0; i < 5; i++) {
                assertEquals("fixed 1\n", text(fetcher.fetch(target(address, "/fixed", "5s"))));
            }
            assertEquals(1, clientPorts.size(), "five scrapes over one kept-alive connection");
            String chunked = text(fetcher.fetch(target(address, "/chunked", "5s")));
            assertTrue(chunked.startsWith("chunked{i=\"0\"} 0\n") && chunked.endsWith("chunked{i=\"499\"} 499\n"), chunked);
            assertEquals("fixed 1\n", text(fetcher.fetch(target(address, "/moved", "5s"))));
        }
    }

    @Test
    void aBodyThatDripsPastTheTimeoutFailsTheScrapeAtTheTimeout() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = listener.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 100; i++) {
                        out.write("m 1\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client hung up, as it should
                }
            });
            String address = "127.0.0.1:" + listener.getLocalPort();
            try (HttpFetcher fetcher = new HttpFetcher("test")) {
                long start = System.nanoTime();
                IOException e = assertThrows(IOException.class, () -> fetcher.fetch(target(address, "/metrics", "1s")));
                double seconds = (System.nanoTime() - start) / 1e9;
                assertEquals("Get \"http://" + address + "/metrics\": context deadline exceeded", e.getMessage());
                assertTrue(seconds >= 0.9 && seconds < 2.5, "failed after " + seconds + " s");
            }
        }
    }

    @Test
    void aMalformedResponseIsAClearError() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = listener.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // done
                }
            });
            String address = "127.0.0.1:" + listener.getLocalPort();
            try (HttpFetcher fetcher = new HttpFetcher("test")) {
                IOException e = assertThrows(IOException.class, () -> fetcher.fetch(target(address, "/metrics", "2s")));
                assertEquals("Get \"http://" + address + "/metrics\": malformed HTTP response \"SSH-2.0-OpenSSH_9.2\"", e.getMessage());
            }
        }
    }
}
