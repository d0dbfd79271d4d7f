package dev.vigil.jvm.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.vigil.exporter.testing.HttpProbe;
import dev.vigil.exporter.testing.TestCa;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs with {@code -javaagent:target/vigil-jvm-agent.jar}: what a user scraping them sees. */
class VigilAgentIT {
    @TempDir
    Path dir;

    @Test
    void valuesAgreeWithTheApplicationsMxBeans() throws Exception {
        int port = AgentProcess.freePort();
        try (AgentProcess app = AgentProcess.start("127.0.0.1:" + port, AgentProcess.probeOnlyClassPath())) {
            app.awaitLine("main-uptime-ms=");
            Scrape.await(app, port); // the first scrape loads the rendering classes; compare on the second
            Map<String, String> before = app.mx();
            Scrape scrape = Scrape.get(port);
            Map<String, String> after = app.mx();

            assertEquals(num(before, "heap_max"), scrape.value("jvm_memory_max_bytes", "area", "heap"));
            // -Xms = -Xmx: the heap's committed size does not move.
            assertEquals(num(before, "heap_committed"), scrape.value("jvm_memory_committed_bytes", "area", "heap"));
            double heapUsed = scrape.value("jvm_memory_used_bytes", "area", "heap");
            assertTrue(heapUsed > 0 && heapUsed <= num(before, "heap_committed"), "heap used " + heapUsed);
            between(before, after, "nonheap_used", scrape.value("jvm_memory_used_bytes", "area", "nonheap"), 4 << 20);

            Set<String> pools = names(before, "pool_used");
            assertEquals(pools, labelValues(scrape, "jvm_memory_pool_used_bytes", "pool"));
            for (String pool : pools) {
                assertEquals(num(before, "pool_max{" + pool + "}"), scrape.value("jvm_memory_pool_max_bytes", "pool", pool),
                        pool);
            }
            Set<String> gcs = names(before, "gc_count");
            assertEquals(gcs, labelValues(scrape, "jvm_gc_collection_seconds_count", "gc"));
            for (String gc : gcs) {
                between(before, after, "gc_count{" + gc + "}", scrape.value("jvm_gc_collection_seconds_count", "gc", gc), 0);
            }
            assertEquals(names(before, "buffer_pool"), labelValues(scrape, "jvm_buffer_pool_used_buffers", "pool"));

            between(before, after, "classes_loaded_total", scrape.value("jvm_classes_loaded_total"), 0);
            between(before, after, "threads_started_total", scrape.value("jvm_threads_started_total"), 0);
            between(before, after, "threads_current", scrape.value("jvm_threads_current"), 0);
            between(before, after, "threads_daemon", scrape.value("jvm_threads_daemon"), 0);
            assertTrue(scrape.value("jvm_compilation_time_seconds_total") >= 0);
            assertEquals(1.0, scrape.value("jvm_runtime_info", "version", before.get("java_version"),
                    "vendor", before.get("java_vendor"), "runtime", before.get("java_runtime")));
            assertEquals(num(before, "start_time_ms") / 1000.0, scrape.value("process_start_time_seconds"), 0.01);
            assertTrue(scrape.value("process_resident_memory_bytes") > 16 << 20);
            assertTrue(scrape.value("process_open_fds") > 0);
            assertTrue(scrape.text().contains("# TYPE jvm_gc_collection_seconds summary"), "gc summary");
            assertTrue(app.stderr().isEmpty(), "the agent writes nothing to a healthy application's stderr: "
                    + app.stderr());
        }
    }

    @Test
    void nameFilterAndGzipAsClientJava() throws Exception {
        int port = AgentProcess.freePort();
        try (AgentProcess app = AgentProcess.start("127.0.0.1:" + port, AgentProcess.probeOnlyClassPath())) {
            Scrape.await(app, port);
            HttpProbe.Response one = HttpProbe.plain().get(port, "/metrics?name[]=jvm_threads_current");
            String body = new String(one.rawBody(), StandardCharsets.UTF_8);
            assertEquals(Set.of("jvm_threads_current"), Scrape.of(body).samples().keySet());
            HttpProbe.Response gz = HttpProbe.plain().header("Accept-Encoding", "gzip").get(port, "/metrics");
            assertEquals("gzip", gz.header("Content-Encoding"));
        }
    }

    @Test
    void applicationWithItsOwnHelidonAndClientJavaRunsBesideTheAgent() throws Exception {
        int port = AgentProcess.freePort();
        try (AgentProcess app = AgentProcess.start("127.0.0.1:" + port, AgentProcess.applicationStackClassPath(),
                "own-stack")) {
            int appPort = Integer.parseInt(app.awaitLine("app-port="));
            Scrape scrape = Scrape.await(app, port);
            assertTrue(scrape.value("jvm_threads_current") > 0);
            HttpProbe.Response hello = HttpProbe.plain().get(appPort, "/hello");
            assertEquals(200, hello.status());
            // The application's default registry holds its own JvmMetrics only (about 20 families).
            String text = new String(hello.rawBody(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("hello "), text);
            assertTrue(Integer.parseInt(text.substring(6).trim()) > 10, text);
            assertFalse(app.stderr().contains("vigil-jvm-agent"), app.stderr());
        }
    }

    /**
     * Classes named as the agent's dependencies are before it on the class path, each failing
     * when loaded: the agent must not load a single one (everything it uses is relocated).
     */
    @Test
    void classesNamedAsItsDependenciesOnTheApplicationClassPathAreNeverLoaded() throws Exception {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("poison");
        List<String> names = List.of("io.prometheus.metrics.model.registry.PrometheusRegistry",
                "io.prometheus.metrics.instrumentation.jvm.JvmMetrics", "io.prometheus.metrics.config.PrometheusProperties",
                "io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter", "io.helidon.webserver.WebServer",
                "io.helidon.http.HeaderNames", "org.snakeyaml.engine.v2.api.LoadSettings",
                "dev.vigil.exporter.http.ExporterServer", "dev.vigil.exporter.http.ListenAddress",
                "dev.vigil.exporter.yaml.YamlFiles");
        for (String name : names) {
            int dot = name.lastIndexOf('.');
            Path file = src.resolve(name.replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "package " + name.substring(0, dot) + "; public class " + name.substring(dot + 1)
                    + " { static { if (true) throw new Error(\"application's " + name + " loaded\"); } }");
        }
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString()));
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        Path config = dir.resolve("agent.yml");
        Files.writeString(config, "startDelaySeconds: 0\n");

        int port = AgentProcess.freePort();
        String classPath = classes + java.io.File.pathSeparator + AgentProcess.probeOnlyClassPath();
        try (AgentProcess app = AgentProcess.start("127.0.0.1:" + port + ":" + config, classPath)) {
            Scrape scrape = Scrape.await(app, port);
            assertTrue(scrape.value("jvm_classes_currently_loaded") > 0);
            assertFalse(app.stderr().contains("loaded"), app.stderr());
        }
    }

    @Test
    void basicAuthFromTheWebConfigNamedInTheAgentConfig() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());
        Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  prometheus: " + hash + "\n");
        Path config = dir.resolve("agent.yml");
        Files.writeString(config, "webConfigFile: web.yml\n");
        int port = AgentProcess.freePort();
        try (AgentProcess app = AgentProcess.start("127.0.0.1:" + port + ":" + config, AgentProcess.probeOnlyClassPath())) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            HttpProbe.Response anonymous = null;
            while (anonymous == null) {
                try {
                    anonymous = HttpProbe.plain().get(port, "/metrics");
                } catch (ConnectException e) {
                    assertTrue(System.nanoTime() < deadline && app.isAlive(), "agent never listened: " + app.stderr());
                    Thread.sleep(50);
                }
            }
            assertEquals(401, anonymous.status());
            String wrong = Base64.getEncoder().encodeToString("prometheus:nope".getBytes(StandardCharsets.UTF_8));
            assertEquals(401, HttpProbe.plain().header("Authorization", "Basic " + wrong).get(port, "/metrics").status());
            String right = Base64.getEncoder().encodeToString("prometheus:s3cret".getBytes(StandardCharsets.UTF_8));
            HttpProbe.Response ok = HttpProbe.plain().header("Authorization", "Basic " + right).get(port, "/metrics");
            assertEquals(200, ok.status());
            assertTrue(new String(ok.rawBody(), StandardCharsets.UTF_8).contains("jvm_memory_used_bytes{area=\"heap\"}"));
        }
    }

    /**
     * TLS with a client certificate required, from a web config named in the agent config, the
     * server key in its traditional (SEC1) PEM form, read by the agent's relocated Bouncy Castle.
     */
    @Test
    void mutualTlsFromTheWebConfig() throws Exception {
        TestCa ca = TestCa.create("agent test CA");
        Files.writeString(dir.resolve("ca.crt"), ca.pem());
        TestCa.Leaf server = ca.leaf("localhost").localhost().issue();
        Files.writeString(dir.resolve("server.crt"), server.certPem());
        Files.writeString(dir.resolve("server.key"), server.traditionalPem());
        TestCa.Leaf client = ca.leaf("prometheus").client().issue();
        TestCa.Leaf stranger = TestCa.create("another CA").leaf("prometheus").client().issue();
        Files.writeString(dir.resolve("web.yml"), """
                tls_server_config:
                  cert_file: %s
                  key_file: %s
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: %s
                """.formatted(dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("ca.crt")));
        Path config = Files.writeString(dir.resolve("agent.yml"), "webConfigFile: web.yml\n");
        int port = AgentProcess.freePort();
        try (AgentProcess app = AgentProcess.start("127.0.0.1:" + port + ":" + config, AgentProcess.probeOnlyClassPath())) {
            app.awaitLine("main-uptime-ms=");
            HttpProbe.Response ok = null;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (ok == null) {
                try {
                    ok = HttpProbe.tls(ca).clientCert(client).get(port, "/metrics");
                } catch (ConnectException e) {
                    assertTrue(System.nanoTime() < deadline && app.isAlive(), "agent never listened: " + app.stderr());
                    Thread.sleep(50);
                }
            }
            assertEquals(200, ok.status());
            assertTrue(new String(ok.rawBody(), StandardCharsets.UTF_8).contains("jvm_memory_used_bytes{area=\"heap\"}"));
            assertRefused(() -> HttpProbe.tls(ca).get(port, "/metrics"), "no client certificate");
            assertRefused(() -> HttpProbe.tls(ca).clientCert(stranger).get(port, "/metrics"), "a client certificate of another CA");
            assertRefused(() -> HttpProbe.plain().get(port, "/metrics"), "plain HTTP");
        }
    }

    private interface Request {
        HttpProbe.Response send() throws IOException;
    }

    /** The request fails in the handshake, or gets no 200 (plain HTTP to a TLS port). */
    private static void assertRefused(Request request, String what) {
        try {
            HttpProbe.Response response = request.send();
            assertTrue(response.status() != 200, what + " was answered 200");
        } catch (IOException expected) {
            // a refused handshake or a closed connection
        }
    }

    @Test
    void badArgumentsAreReportedAndTheApplicationRuns() throws Exception {
        try (AgentProcess app = AgentProcess.start("localhost", AgentProcess.probeOnlyClassPath())) {
            app.awaitLine("main-uptime-ms=");
            awaitStderr(app, "not started");
            assertTrue(app.stderr().contains("vigil-jvm-agent: not started: cannot read \"localhost\": expected [host:]port"),
                    app.stderr());
            assertFalse(app.mx().isEmpty());
        }
    }

    @Test
    void badConfigIsReportedWithFileAndLineAndTheApplicationRuns() throws Exception {
        Path config = dir.resolve("agent.yml");
        Files.writeString(config, "startDelaySeconds: 0\nlowercaseOutputNames: true\n");
        int port = AgentProcess.freePort();
        try (AgentProcess app = AgentProcess.start("127.0.0.1:" + port + ":" + config, AgentProcess.probeOnlyClassPath())) {
            app.awaitLine("main-uptime-ms=");
            awaitStderr(app, "not started");
            assertTrue(app.stderr().contains("vigil-jvm-agent: not started: " + config + ":2: unknown key \"lowercaseOutputNames\""),
                    app.stderr());
            assertFalse(app.mx().isEmpty());
        }
    }

    /**
     * premain hands everything to a background thread: with a 5 s start delay the application's
     * main still runs at once (a premain that waited would show main after 5 s), and the port
     * opens only after the delay.
     */
    @Test
    void premainReturnsAtOnceAndTheStartDelayRunsInTheBackground() throws Exception {
        Path config = dir.resolve("agent.yml");
        Files.writeString(config, "startDelaySeconds: 5\n");
        int port = AgentProcess.freePort();
        try (AgentProcess app = AgentProcess.start("127.0.0.1:" + port + ":" + config, AgentProcess.probeOnlyClassPath())) {
            long uptimeAtMain = Long.parseLong(app.awaitLine("main-uptime-ms="));
            assertTrue(uptimeAtMain < 2_500, "main ran " + uptimeAtMain + " ms after start");
            assertThrowsConnect(port);
            Scrape scrape = Scrape.await(app, port);
            assertTrue(scrape.value("process_start_time_seconds") > 0);
        }
    }

    /** The agent reports from its starter thread: wait for the message, at most 20 s. */
    private static void awaitStderr(AgentProcess app, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!app.stderr().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void assertThrowsConnect(int port) throws IOException {
        try {
            HttpProbe.plain().get(port, "/metrics");
            throw new AssertionError("the agent listened before its start delay");
        } catch (ConnectException expected) {
            // not yet listening
        }
    }

    private static double num(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new AssertionError("no MXBean value " + key + " in " + values.keySet());
        }
        return Double.parseDouble(value);
    }

    /** Asserts {@code scraped} lies between the MXBean reads before and after the scrape (+- slack). */
    private static void between(Map<String, String> before, Map<String, String> after, String key, double scraped,
            double slack) {
        double low = Math.min(num(before, key), num(after, key)) - slack;
        double high = Math.max(num(before, key), num(after, key)) + slack;
        assertTrue(scraped >= low && scraped <= high, key + ": scraped " + scraped + " not in [" + low + ", " + high + "]");
    }

    /** The {@code {name}} parts of keys like {@code pool_used{G1 Eden Space}}. */
    private static Set<String> names(Map<String, String> values, String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix + "{"))
                .map(k -> k.substring(prefix.length() + 1, k.length() - 1)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> labelValues(Scrape scrape, String name, String label) {
        Set<String> out = new TreeSet<>();
        String prefix = name + "{";
        for (String key : scrape.samples().keySet()) {
            if (key.startsWith(prefix)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(label + "=\"([^\"]*)\"").matcher(key);
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
