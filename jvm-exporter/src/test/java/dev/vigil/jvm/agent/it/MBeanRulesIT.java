package dev.vigil.jvm.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.testing.HttpProbe;
import dev.vigil.jvm.testing.TextSamples;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same application ({@link RulesApp}) and the same config, once with the Vigil agent and once
 * with jmx_exporter's javaagent 1.0.1: the families built from the application's own MBeans (names
 * starting with {@code app}) must have the same names, types, HELP, label sets and values.
 */
class MBeanRulesIT {

    @TempDir
    Path dir;

    @Test
    void defaultRuleWithIncludeExcludeAndLowercaseAgrees() throws Exception {
        Map<String, Family> vigil = compare("""
                includeObjectNames: ["app.vigil:*"]
                excludeObjectNames: ["app.vigil:type=Hidden,*"]
                lowercaseOutputName: true
                lowercaseOutputLabelNames: true
                """);
        // what a user would look for, spelled out: default names, other key properties as labels
        assertEquals("untyped", vigil.get("app_vigil_server_count").type());
        assertEquals(42.0, vigil.get("app_vigil_server_count").samples().get("{name=\"main\"}"));
        assertEquals(0.75, vigil.get("app_vigil_server_stats_ratio").samples().get("{name=\"main\"}"));
        assertEquals(1.0, vigil.get("app_vigil_server_enabled").samples().get("{name=\"main\"}"));
        assertEquals(1.7e9, vigil.get("app_vigil_server_started").samples().get("{name=\"main\"}"));
        assertEquals(7.0, vigil.get("app_vigil_pool_size").samples().get("{name=\"\\\"quoted, name\\\"\",zone=\"eu-west.1\"}"));
        assertEquals(22.0, vigil.get("app_vigil_cache_table").samples().get("{key=\"beta\"}"));
        assertEquals(2.0, vigil.get("app_vigil_cache_table_weight").samples().get("{key=\"beta\"}"));
        assertFalse(vigil.keySet().stream().anyMatch(n -> n.contains("hidden")), "excluded bean: " + vigil.keySet());
        assertFalse(vigil.keySet().stream().anyMatch(n -> n.contains("label")), "strings are not exported");
    }

    @Test
    void namedRulesAgree() throws Exception {
        Map<String, Family> vigil = compare("""
                whitelistObjectNames: ["app.vigil:*", "java.lang:type=Threading"]
                blacklistObjectNames: ["app.vigil:type=Hidden,*"]
                rules:
                - pattern: 'app.vigil<type=Server, name=(\\w+)><>Count: (\\d+)'
                  name: app_requests_total
                  type: COUNTER
                  help: "Requests of server $1"
                  labels:
                    server: $1
                    Source: "app"
                - pattern: 'app.vigil<type=Server, name=(\\w+)><>latency_millis'
                  name: app_latency_seconds
                  type: GAUGE
                  valueFactor: 0.001
                  attrNameSnakeCase: true
                - pattern: 'app.vigil<type=Server, name=(\\w+)><Stats>(\\w+): .*'
                  name: app_stats_$2
                  labels:
                    server: $1
                - pattern: 'app.vigil<type=Server, name=(\\w+)><>(Enabled|Disabled)'
                  name: app_flag
                  type: GAUGE
                - pattern: 'app.vigil<type=Server, name=(\\w+)><>Rate'
                  name: app_flag
                  type: COUNTER
                - pattern: 'app.vigil<type=Cache><>Level: (\\w+)'
                  name: app_level
                  value: 3
                  labels:
                    level: $1
                - pattern: 'app.vigil<type=Pool, name=(.+), zone=(.+)><>(\\w+)'
                  name: app_pool_$3
                  cache: true
                  labels:
                    pool: $1
                    zone: $2
                - pattern: 'app.vigil<type=Cache, key=(\\w+)><Table>weight'
                  name: app_cache_weight_info
                  type: GAUGE
                  labels:
                    entry: $1
                - pattern: 'app.vigil<type=Cache, key=(\\w+)><>Table'
                  name: app_cache_value
                - pattern: 'java.lang<type=Threading><>ThreadCount'
                  name: app_jvm_threads_seen
                  value: 1
                """);
        assertEquals("counter", vigil.get("app_requests_total").type());
        assertEquals("Requests of server main", vigil.get("app_requests_total").help());
        assertEquals(42.0, vigil.get("app_requests_total").samples().get("{Source=\"app\",server=\"main\"}"));
        assertEquals(1.5, vigil.get("app_latency_seconds").samples().get(""));
        assertEquals(3.0, vigil.get("app_level").samples().get("{level=\"HIGH\"}"));
        assertEquals("untyped", vigil.get("app_flag").type(), "GAUGE and COUNTER samples in one family");
        assertEquals(2.5, vigil.get("app_flag").samples().get("{_objectname=\"app.vigil<type=Server, name=main><>Rate\"}"));
        assertEquals(2.0, vigil.get("app_cache_weight").samples().get("{entry=\"beta\"}"), "_info taken off a gauge");
        assertEquals(9.0, vigil.get("app_pool_Size").samples().get("{pool=\"plain\",zone=\"us east\"}"));
    }

    /** Runs both agents on {@link RulesApp} with {@code yaml}; asserts the app families agree; returns ours. */
    private Map<String, Family> compare(String yaml) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, yaml);
        Map<String, Family> vigil = appFamilies(run(AgentProcess.AGENT_JAR, config));
        Map<String, Family> jmx = appFamilies(run(AgentProcess.JMX_EXPORTER_AGENT_JAR, config));
        assertFalse(jmx.isEmpty(), "jmx_exporter exported no app families");
        assertEquals(jmx.keySet(), vigil.keySet(), "family names");
        for (String name : jmx.keySet()) {
            assertEquals(jmx.get(name), vigil.get(name), name);
        }
        return vigil;
    }

    /** Starts RulesApp with {@code agent}, scrapes it once it answers, and stops it. */
    private static String run(Path agent, Path config) throws Exception {
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException(agent + " is missing: run the pre-integration-test phase first");
        }
        int port = AgentProcess.freePort();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-javaagent:" + agent.toAbsolutePath() + "=127.0.0.1:" + port + ":" + config,
                "-cp", Path.of("target/test-classes").toAbsolutePath().toString(), RulesApp.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine(), agent + ": the application did not start");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                try {
                    HttpProbe.Response response = HttpProbe.plain().get(port, "/metrics");
                    String body = new String(response.rawBody(), StandardCharsets.UTF_8);
                    if (response.status() == 200 && body.contains("app")) {
                        return body;
                    }
                } catch (ConnectException e) {
                    // not listening yet
                }
                assertTrue(System.nanoTime() < deadline && process.isAlive(), agent + " never served app metrics");
                Thread.sleep(100);
            }
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A family as a user compares it: type, HELP, and samples by sorted label set. */
    record Family(String type, String help, Map<String, Double> samples) {
    }

    /** Families whose name starts with "app", from the text format. */
    static Map<String, Family> appFamilies(String text) {
        Map<String, String> types = new TreeMap<>();
        Map<String, String> helps = new TreeMap<>();
        Map<String, Map<String, Double>> samples = new TreeMap<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                helps.put(parts[0], parts.length > 1 ? parts[1] : "");
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                types.put(parts[0], parts[1]);
                current = parts[0];
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                TextSamples.Sample sample = TextSamples.parseLine(line);
                String family = current != null && sample.name().startsWith(current) ? current : sample.name();
                samples.computeIfAbsent(family, f -> new TreeMap<>())
                        .put((sample.name().equals(family) ? "" : sample.name().substring(family.length()))
                                + TextSamples.labelText(sample.labels()), sample.value());
            }
        }
        Map<String, Family> out = new TreeMap<>();
        for (Map.Entry<String, String> type : types.entrySet()) {
            if (type.getKey().startsWith("app")) {
                out.put(type.getKey(), new Family(type.getValue(), helps.get(type.getKey()),
                        samples.getOrDefault(type.getKey(), Map.of())));
            }
        }
        return out;
    }
}
