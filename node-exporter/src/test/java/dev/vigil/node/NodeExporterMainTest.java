package dev.vigil.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.exporter.testing.HttpProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The node exporter's identity: names, namespace and flags node_exporter users expect. */
class NodeExporterMainTest {

    @Test
    void servesNodeExporterBuildInfoUnderTheNodeNamespace() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (ExporterApp.Running running = ExporterApp.start(NodeExporterMain.spec(),
                new String[] {"--web.listen-address=127.0.0.1:0"}, stream, stream)) {
            HttpProbe.Response response = HttpProbe.plain().get(running.ports().get(0), "/metrics");
            assertEquals(200, response.status());
            assertTrue(response.body().contains("# TYPE node_exporter_build_info gauge"), response.body());
            HttpProbe.Response landing = HttpProbe.plain().get(running.ports().get(0), "/");
            assertTrue(landing.body().contains("Node Exporter"));
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("msg=\"Starting node_exporter\""));
    }

    @Test
    void helpShowsNodeExporterFlags() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        ExporterApp.ExitException exit = org.junit.jupiter.api.Assertions.assertThrows(ExporterApp.ExitException.class,
                () -> ExporterApp.start(NodeExporterMain.spec(), new String[] {"--help"}, stream, stream));
        assertEquals(0, exit.code());
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.startsWith("usage: vigil-node-exporter [<flags>]"), help);
        for (String flag : new String[] {"--web.listen-address", "--web.telemetry-path", "--web.config.file",
                "--web.disable-exporter-metrics", "--web.max-requests", "--log.level", "--log.format",
                "--path.procfs", "--path.sysfs", "--path.rootfs", "--path.udev.data", "--collector.disable-defaults"}) {
            assertTrue(help.contains("--" + flag.substring(2)) || help.contains("--[no-]" + flag.substring(2)),
                    flag + " missing from --help");
        }
        assertTrue(help.contains("(default: :9100)"), help);
    }
}
