package dev.vigil.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.exporter.testing.HttpProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container exporter's collectors hosted in the node exporter's process, live on this host: off
 * by default, on with {@code --collector.container} / {@code --collector.machine}, their flags beside
 * node_exporter's without a clash, behind the same web-config security.
 */
class HostedContainerCollectorsTest {
    private static final Pattern ROOT_CPU = Pattern.compile("(?m)^container_cpu_usage_seconds_total\\{[^}]*id=\"/\"[^}]*} ");
    private static final Pattern CORES = Pattern.compile("(?m)^machine_cpu_cores(\\{[^}]*})? [0-9]");

    @Test
    void hostedCollectorsAreListedAndOffByDefault() {
        List<CollectorFactory> collectors = NodeExporterMain.spec().collectors();
        for (String name : List.of("container", "machine")) {
            CollectorFactory factory = collectors.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is not hosted"));
            assertFalse(factory.enabledByDefault(), name + " must be off by default");
        }
        Set<String> names = new HashSet<>();
        for (CollectorFactory factory : collectors) {
            assertTrue(names.add(factory.name()), "two collectors named " + factory.name());
        }
        assertTrue(NodeCollectors.all().stream().noneMatch(f -> f.name().equals("container") || f.name().equals("machine")),
                "NodeCollectors.all() stays node_exporter's list");
    }

    @Test
    void notServedWithoutTheFlags() throws Exception {
        String body = scrape(List.of());
        assertTrue(body.contains("node_exporter_build_info"), body);
        assertFalse(body.contains("container_"), "container families without --collector.container");
        assertFalse(body.contains("machine_"), "machine families without --collector.machine");
        assertFalse(body.contains("collector=\"container\""), body);
    }

    @Test
    void servedWithTheFlags() throws Exception {
        String body = scrape(List.of("--collector.container", "--collector.machine"));
        assertTrue(ROOT_CPU.matcher(body).find(), "no root cgroup CPU sample:\n" + head(body));
        assertTrue(CORES.matcher(body).find(), "no machine_cpu_cores:\n" + head(body));
        assertTrue(body.contains("node_scrape_collector_success{collector=\"container\"} 1"), head(body));
        assertTrue(body.contains("node_scrape_collector_success{collector=\"machine\"} 1"), head(body));
        assertTrue(body.contains("node_load1 "), "node_exporter's defaults still on");
    }

    @Test
    void disableDefaultsThenContainerServesOnlyContainers() throws Exception {
        String body = scrape(List.of("--collector.disable-defaults", "--collector.container",
                "--enable_metrics=cpu,memory", "--no-store_container_labels", "--runtime.refresh-interval=30s"));
        assertTrue(ROOT_CPU.matcher(body).find(), head(body));
        assertFalse(body.contains("node_load1"), "loadavg is a default and defaults are disabled");
        assertFalse(body.contains("machine_"), "machine is its own collector");
        Matcher cpu = Pattern.compile("(?m)^container_cpu_usage_seconds_total\\{([^}]*)}").matcher(body);
        while (cpu.find()) {
            assertTrue(cpu.group(1).contains("cpu=\"total\""), "percpu is not enabled: " + cpu.group());
        }
        assertTrue(body.contains("container_memory_usage_bytes{"), head(body));
        assertFalse(body.contains("container_network_"), "network is not enabled");
        assertFalse(body.contains("container_tasks_state"), "cpuLoad is not enabled");
    }

    @Test
    void helpListsTheContainerFlagsOnceEach() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        ExporterApp.ExitException exit = assertThrows(ExporterApp.ExitException.class,
                () -> ExporterApp.start(NodeExporterMain.spec(), new String[] {"--help"}, stream, stream));
        assertEquals(0, exit.code());
        String help = out.toString(StandardCharsets.UTF_8);
        for (String flag : List.of("collector.container", "collector.machine", "collector.container.label-scheme",
                "disable_metrics", "enable_metrics", "runtime.docker.socket", "runtime.podman.socket", "runtime.timeout",
                "runtime.refresh-interval", "runtime.disable", "store_container_labels", "whitelisted_container_labels")) {
            Matcher matcher = Pattern.compile("--(\\[no-])?" + Pattern.quote(flag) + "[ =]").matcher(help);
            int count = 0;
            while (matcher.find()) {
                count++;
            }
            assertEquals(1, count, "--" + flag + " in --help:\n" + help);
        }
    }

    @Test
    void webConfigSecurityAppliesToTheHostedCollectors(@TempDir Path dir) throws Exception {
        String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(4, "pw".toCharArray()), StandardCharsets.US_ASCII);
        Path config = Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  alice: \"" + hash + "\"\n");
        try (ExporterApp.Running running = start(List.of("--collector.container", "--web.config.file=" + config))) {
            int port = running.ports().get(0);
            assertEquals(401, HttpProbe.plain().get(port, "/metrics").status());
            String credentials = Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
            HttpProbe.Response ok = HttpProbe.plain().header("Authorization", "Basic " + credentials).get(port, "/metrics");
            assertEquals(200, ok.status());
            assertTrue(ROOT_CPU.matcher(ok.body()).find(), head(ok.body()));
        }
    }

    private static String scrape(List<String> flags) throws Exception {
        try (ExporterApp.Running running = start(flags)) {
            HttpProbe.Response response = HttpProbe.plain().get(running.ports().get(0), "/metrics");
            assertEquals(200, response.status(), response.body());
            return response.body();
        }
    }

    private static ExporterApp.Running start(List<String> flags) throws Exception {
        List<String> args = new ArrayList<>(flags);
        args.add("--web.listen-address=127.0.0.1:0");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8);
        try {
            return ExporterApp.start(NodeExporterMain.spec(), args.toArray(String[]::new), stream, stream);
        } catch (ExporterApp.ExitException e) {
            throw new AssertionError("exited " + e.code() + ":\n" + log.toString(StandardCharsets.UTF_8));
        }
    }

    private static String head(String body) {
        return Stream.of(body.split("\n")).filter(line -> !line.startsWith("#")).limit(40)
                .reduce("", (a, b) -> a + b + "\n");
    }
}
