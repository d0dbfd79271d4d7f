package dev.vigil.alerting.am.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.config.HttpClientConfig;
import dev.vigil.alerting.am.config.Secret;
import dev.vigil.alerting.am.config.TlsConfig;
import dev.vigil.alerting.am.config.WebhookConfig;
import dev.vigil.alerting.am.notify.NotifyContext;
import dev.vigil.alerting.am.notify.NotifyException;
import dev.vigil.exporter.testing.TestCa;
import dev.vigil.model.Labels;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook integration against a real local HTTP(S) server. */
class WebhookIntegrationTest {
    private static final Instant NOW = Instant.parse("2023-03-16T20:53:20Z");
    private static final String TOKEN = "s3cr3t-t0ken";

    @TempDir
    Path dir;

    private final List<HttpServer> servers = new ArrayList<>();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile String responseBody = "";
    private volatile long delayMillis;

    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(),
                Map.copyOf(ex.getRequestHeaders()), body));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = responseBody.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    private String http() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", this::handle);
        s.setExecutor(Executors.newCachedThreadPool());
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort() + "/hook/" + TOKEN + "?token=" + TOKEN;
    }

    private String https(TestCa.Leaf leaf) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", leaf.key(), new char[0],
                new X509Certificate[] {leaf.certificate(), leaf.issuer().certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        s.createContext("/", this::handle);
        s.setExecutor(Executors.newCachedThreadPool());
        s.start();
        servers.add(s);
        return "https://127.0.0.1:" + s.getAddress().getPort() + "/hook";
    }

    private static HttpClientConfig http(String user, String password, String passwordFile, String authType,
            String credentials, String credentialsFile, TlsConfig tls, boolean followRedirects) {
        return new HttpClientConfig(user, Secret.of(password), passwordFile, authType, Secret.of(credentials),
                credentialsFile, tls, "", followRedirects, true);
    }

    private static WebhookIntegration webhook(String url, long maxAlerts, HttpClientConfig http) throws IOException {
        return new WebhookIntegration(new WebhookConfig(true, Secret.of(url), "", maxAlerts, http), 0,
                "http://am.example:9093", "Vigil/test", Instant::now);
    }

    private static NotifyContext ctx(Duration timeout) {
        return new NotifyContext("{}/{severity=\"page\"}:{alertname=\"HighLatency\"}",
                Labels.of("alertname", "HighLatency"), "team-x.ops", Duration.ofHours(4), List.of(), List.of(), NOW,
                Instant.now().plus(timeout));
    }

    private static NotifyContext ctx() {
        return ctx(Duration.ofSeconds(10));
    }

    private static AmAlert alert(String instance, Instant start, Instant end) {
        return new AmAlert(Labels.of("alertname", "HighLatency", "instance", instance, "severity", "page"),
                Map.of("summary", "p99 > 1s & rising"), start, end, "http://prom:9090/graph?g0.expr=up", NOW, false);
    }

    private Request take() throws InterruptedException {
        Request r = requests.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    @Test
    void payloadIsAlertmanagersVersion4FieldForField() throws Exception {
        String url = http();
        AmAlert firing = alert("a<b>", Instant.parse("2023-03-16T20:50:00.120Z"), null);
        AmAlert resolved = alert("c", Instant.parse("2023-03-16T20:40:00Z"),
                Instant.parse("2023-03-16T20:53:00.000000001Z"));
        webhook(url, 0, HttpClientConfig.DEFAULT).notify(ctx(), List.of(firing, resolved));

        Request r = take();
        assertEquals("POST", r.method());
        assertEquals("/hook/" + TOKEN + "?token=" + TOKEN, r.path());
        assertEquals("application/json", r.header("Content-type"));
        assertEquals("Vigil/test", r.header("User-agent"));
        assertNull(r.header("Authorization"));
        String expected = "{\"receiver\":\"team-x\\\\.ops\",\"status\":\"firing\",\"alerts\":["
                + "{\"status\":\"firing\",\"labels\":{\"alertname\":\"HighLatency\",\"instance\":\"a\\u003cb\\u003e\","
                + "\"severity\":\"page\"},\"annotations\":{\"summary\":\"p99 \\u003e 1s \\u0026 rising\"},"
                + "\"startsAt\":\"2023-03-16T20:50:00.12Z\",\"endsAt\":\"0001-01-01T00:00:00Z\","
                + "\"generatorURL\":\"http://prom:9090/graph?g0.expr=up\",\"fingerprint\":\""
                + firing.fingerprintString() + "\"},"
                + "{\"status\":\"resolved\",\"labels\":{\"alertname\":\"HighLatency\",\"instance\":\"c\","
                + "\"severity\":\"page\"},\"annotations\":{\"summary\":\"p99 \\u003e 1s \\u0026 rising\"},"
                + "\"startsAt\":\"2023-03-16T20:40:00Z\",\"endsAt\":\"2023-03-16T20:53:00.000000001Z\","
                + "\"generatorURL\":\"http://prom:9090/graph?g0.expr=up\",\"fingerprint\":\""
                + resolved.fingerprintString() + "\"}],"
                + "\"groupLabels\":{\"alertname\":\"HighLatency\"},"
                + "\"commonLabels\":{\"alertname\":\"HighLatency\",\"severity\":\"page\"},"
                + "\"commonAnnotations\":{\"summary\":\"p99 \\u003e 1s \\u0026 rising\"},"
                + "\"externalURL\":\"http://am.example:9093\",\"version\":\"4\","
                + "\"groupKey\":\"{}/{severity=\\\"page\\\"}:{alertname=\\\"HighLatency\\\"}\",\"truncatedAlerts\":0}\n";
        assertEquals(expected, r.body());
    }

    @Test
    void goStringEscapingAndKeyOrder() {
        StringBuilder out = new StringBuilder();
        WebhookPayload.string(out, "tab\tnl\ncr\rq\"bs\\ctl\u0001\u2028é😀\u0008\u000c");
        assertEquals("\"tab\\tnl\\ncr\\rq\\\"bs\\\\ctl\\u0001\\u2028é😀\\u0008\\u000c\"", out.toString());
        assertTrue(WebhookPayload.compareCodePoints("\uffff", "😀") < 0); // UTF-8 byte order, not UTF-16
        assertEquals("0001-01-01T00:00:00Z", WebhookPayload.rfc3339Nano(AmAlert.ZERO));
        assertEquals("2023-03-16T20:53:20.1Z", WebhookPayload.rfc3339Nano(Instant.parse("2023-03-16T20:53:20.100Z")));
    }

    @Test
    void maxAlertsKeepsTheFirstAndCountsTheRest() throws Exception {
        String url = http();
        List<AmAlert> alerts = List.of(alert("a", NOW, null), alert("b", NOW, null), alert("c", NOW, null));
        webhook(url, 2, HttpClientConfig.DEFAULT).notify(ctx(), alerts);
        String body = take().body();
        assertTrue(body.contains("\"instance\":\"a\""));
        assertTrue(body.contains("\"instance\":\"b\""));
        assertFalse(body.contains("\"instance\":\"c\""));
        assertTrue(body.endsWith(",\"truncatedAlerts\":1}\n"), body);

        webhook(url, 3, HttpClientConfig.DEFAULT).notify(ctx(), alerts);
        assertTrue(take().body().endsWith(",\"truncatedAlerts\":0}\n"));
    }

    @Test
    void urlFileIsReadAtSendTime() throws Exception {
        String url = http();
        Path file = dir.resolve("url");
        Files.writeString(file, url.replace("/hook/", "/first/") + "\n");
        WebhookIntegration w = new WebhookIntegration(new WebhookConfig(false, Secret.EMPTY, file.toString(), 0,
                HttpClientConfig.DEFAULT), 1, "", "Vigil/test", Instant::now);
        w.notify(ctx(), List.of(alert("a", NOW, null)));
        assertTrue(take().path().startsWith("/first/"));
        Files.writeString(file, url.replace("/hook/", "/second/"));
        w.notify(ctx(), List.of(alert("a", NOW, null)));
        assertTrue(take().path().startsWith("/second/"));

        Files.delete(file);
        NotifyException e = assertThrows(NotifyException.class, () -> w.notify(ctx(), List.of(alert("a", NOW, null))));
        assertEquals("read url_file: open " + file + ": no such file or directory", e.getMessage());
    }

    @Test
    void basicAuthWithPasswordOrPasswordFile() throws Exception {
        String url = http();
        webhook(url, 0, http("alice", "pw", "", "", "", "", TlsConfig.NONE, true)).notify(ctx(), List.of(alert("a", NOW, null)));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)),
                take().header("Authorization"));

        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        WebhookIntegration w = webhook(url, 0, http("alice", "", file.toString(), "", "", "", TlsConfig.NONE, true));
        w.notify(ctx(), List.of(alert("a", NOW, null)));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:from-file".getBytes(StandardCharsets.UTF_8)),
                take().header("Authorization"));
        Files.writeString(file, "rotated");
        w.notify(ctx(), List.of(alert("a", NOW, null)));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:rotated".getBytes(StandardCharsets.UTF_8)),
                take().header("Authorization"));
    }

    @Test
    void authorizationHeaderFromCredentialsOrFile() throws Exception {
        String url = http();
        webhook(url, 0, http("", "", "", "Bearer", "tok", "", TlsConfig.NONE, true))
                .notify(ctx(), List.of(alert("a", NOW, null)));
        assertEquals("Bearer tok", take().header("Authorization"));

        Path file = dir.resolve("cred");
        Files.writeString(file, "  file-tok\n");
        webhook(url, 0, http("", "", "", "Token", "", file.toString(), TlsConfig.NONE, true))
                .notify(ctx(), List.of(alert("a", NOW, null)));
        assertEquals("Token file-tok", take().header("Authorization"));
    }

    @Test
    void serverErrorsAreRetriedClientErrorsAreNotAndTheUrlNeverShows() throws Exception {
        String url = http();
        WebhookIntegration w = webhook(url, 0, http("u", "hunter2", "", "", "", "", TlsConfig.NONE, true));
        status = 500;
        responseBody = "boom\n  upstream down";
        NotifyException e = assertThrows(NotifyException.class, () -> w.notify(ctx(), List.of(alert("a", NOW, null))));
        assertTrue(e.retryable());
        assertEquals("unexpected status code 500: <secret>: boom upstream down", e.getMessage());

        status = 503;
        responseBody = "";
        e = assertThrows(NotifyException.class, () -> w.notify(ctx(), List.of(alert("a", NOW, null))));
        assertTrue(e.retryable());
        assertEquals("unexpected status code 503: <secret>", e.getMessage());

        status = 400;
        responseBody = "x".repeat(1000);
        e = assertThrows(NotifyException.class, () -> w.notify(ctx(), List.of(alert("a", NOW, null))));
        assertFalse(e.retryable());
        assertEquals("unexpected status code 400: <secret>: " + "x".repeat(WebhookIntegration.BODY_EXCERPT) + "...",
                e.getMessage());

        status = 429;
        e = assertThrows(NotifyException.class, () -> w.notify(ctx(), List.of(alert("a", NOW, null))));
        assertFalse(e.retryable(), "Alertmanager's webhook retries 5xx only");

        status = 204;
        w.notify(ctx(), List.of(alert("a", NOW, null)));
        for (Request r : requests) {
            assertTrue(r.path().contains(TOKEN));
        }
    }

    @Test
    void redirectsFollowedUnlessTurnedOff() throws Exception {
        String target = http();
        HttpServer redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirector.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Location", target);
            ex.sendResponseHeaders(307, -1);
            ex.close();
        });
        redirector.start();
        servers.add(redirector);
        String url = "http://127.0.0.1:" + redirector.getAddress().getPort() + "/old";
        webhook(url, 0, HttpClientConfig.DEFAULT).notify(ctx(), List.of(alert("a", NOW, null)));
        Request r = take();
        assertEquals("POST", r.method());
        assertTrue(r.body().contains("\"version\":\"4\""));

        NotifyException e = assertThrows(NotifyException.class, () -> webhook(url, 0,
                http("", "", "", "", "", "", TlsConfig.NONE, false)).notify(ctx(), List.of(alert("a", NOW, null))));
        assertFalse(e.retryable());
        assertEquals("unexpected status code 307: <secret>", e.getMessage());
    }

    @Test
    void connectionRefusedIsRetriedWithoutTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/hook?token=" + TOKEN;
        NotifyException e = assertThrows(NotifyException.class,
                () -> webhook(url, 0, HttpClientConfig.DEFAULT).notify(ctx(), List.of(alert("a", NOW, null))));
        assertTrue(e.retryable());
        assertEquals("Post \"<redacted>\": connect: connection refused", e.getMessage());
    }

    @Test
    void theDeadlineBoundsTheAttempt() throws Exception {
        String url = http();
        delayMillis = 3000;
        long start = System.nanoTime();
        NotifyException e = assertThrows(NotifyException.class, () -> webhook(url, 0, HttpClientConfig.DEFAULT)
                .notify(ctx(Duration.ofMillis(300)), List.of(alert("a", NOW, null))));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e.retryable());
        assertEquals("Post \"<redacted>\": context deadline exceeded", e.getMessage());
        assertTrue(took < 2000, "took " + took + " ms");

        e = assertThrows(NotifyException.class, () -> webhook(url, 0, HttpClientConfig.DEFAULT)
                .notify(ctx(Duration.ofMillis(-1)), List.of(alert("a", NOW, null))));
        assertEquals("Post \"<redacted>\": context deadline exceeded", e.getMessage());
    }

    @Test
    void tlsWithTheConfiguredCa() throws Exception {
        TestCa ca = TestCa.create("webhook test CA");
        String url = https(ca.leaf("hook").localhost().issue());
        Path caFile = dir.resolve("ca.crt");
        Files.writeString(caFile, ca.pem());
        TlsConfig trusted = new TlsConfig(caFile.toString(), "", "", "", false, "");
        webhook(url, 0, http("", "", "", "", "", "", trusted, true)).notify(ctx(), List.of(alert("a", NOW, null)));
        assertEquals("/hook", take().path());

        // Not trusted by the JDK's store: retried (as any transport error), with Go's words.
        NotifyException e = assertThrows(NotifyException.class,
                () -> webhook(url, 0, HttpClientConfig.DEFAULT).notify(ctx(), List.of(alert("a", NOW, null))));
        assertTrue(e.retryable());
        assertEquals("Post \"<redacted>\": tls: failed to verify certificate: x509: certificate signed by unknown "
                + "authority", e.getMessage());

        TlsConfig insecure = new TlsConfig("", "", "", "", true, "");
        webhook(url, 0, http("", "", "", "", "", "", insecure, true)).notify(ctx(), List.of(alert("a", NOW, null)));
        take();
    }

    @Test
    void serverNameReplacesTheHostInTheCertificateCheck() throws Exception {
        TestCa ca = TestCa.create("webhook test CA");
        String url = https(ca.leaf("hook").dns("hooks.internal").issue());
        Path caFile = dir.resolve("ca.crt");
        Files.writeString(caFile, ca.pem());
        NotifyException e = assertThrows(NotifyException.class, () -> webhook(url, 0, http("", "", "", "", "", "",
                new TlsConfig(caFile.toString(), "", "", "", false, ""), true))
                .notify(ctx(), List.of(alert("a", NOW, null))));
        assertEquals("Post \"<redacted>\": tls: failed to verify certificate: x509: certificate is not valid for "
                + "127.0.0.1", e.getMessage());

        webhook(url, 0, http("", "", "", "", "", "", new TlsConfig(caFile.toString(), "", "", "hooks.internal", false,
                ""), true)).notify(ctx(), List.of(alert("a", NOW, null)));
        take();
    }

    @Test
    void badTlsFilesFailAtBuildNamingTheFile() {
        IOException e = assertThrows(IOException.class, () -> webhook("http://x", 0, http("", "", "", "", "", "",
                new TlsConfig(dir.resolve("missing.crt").toString(), "", "", "", false, ""), true)));
        assertTrue(e.getMessage().contains("missing.crt"), e.getMessage());
    }
}
