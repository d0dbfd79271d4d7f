package dev.vigil.exporter.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The announcer keeps announcing while the hub is away and reaches it once it is back. */
class AnnouncerTest {
    @TempDir
    Path dir;

    @Test
    void keepsAnnouncingThroughAHubThatIsDownAndComesBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path token = Files.writeString(dir.resolve("token"), "secret\n");
        Announcer.Settings settings = new Announcer.Settings(URI.create("http://127.0.0.1:" + port),
                Duration.ofSeconds(1), "127.0.0.1:9100", "https", "/metrics", "vigil-node-exporter",
                Map.of("vm", "a"), "", null, token, null);
        List<String> received = new CopyOnWriteArrayList<>();
        try (Announcer announcer = new Announcer(settings).start()) {
            // Nothing listens: the announcements fail with connection refused (no message) for a while.
            Thread.sleep(1500);
            HttpServer hub = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            hub.createContext("/api/v1/announce", exchange -> {
                try (exchange) {
                    received.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            hub.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                hub.stop(0);
            }
        }
        assertTrue(!received.isEmpty(), "announced once the hub was back");
        assertEquals("Bearer secret {\"address\":\"127.0.0.1:9100\",\"scheme\":\"https\",\"metrics_path\":\"/metrics\","
                + "\"exporter\":\"vigil-node-exporter\",\"interval\":\"1s\",\"labels\":{\"vm\":\"a\"}}", received.get(0));
    }

    @Test
    void describesAnExceptionWithoutAMessageByItsName() {
        assertEquals("java.net.ConnectException", Announcer.describe(new ConnectException()));
        assertEquals("hub answered 403: no", Announcer.describe(new java.io.IOException("hub answered 403: no")));
    }
}
