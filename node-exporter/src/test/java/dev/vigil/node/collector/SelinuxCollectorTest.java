package dev.vigil.node.collector;

import static dev.vigil.node.collector.HwmonCollectorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelinuxCollectorTest {

    /** The fixture tree has no selinuxfs, and node_exporter looks at this host, which has none either. */
    @Test
    void matchesNodeExporterWithoutSelinux() throws Exception {
        assumeTrue(!Files.exists(Path.of("/sys/fs/selinux/enforce")), "node_exporter reads the live host");
        var args = Args.fixtureCollector("selinux");
        Parity.of("node_selinux_").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void reportsModesWhenSelinuxfsIsThere(@TempDir Path root) throws Exception {
        Path sys = root.resolve("sys");
        Path proc = root.resolve("proc");
        write(sys.resolve("fs/selinux/enforce"), "0");  // the kernel writes no newline
        write(proc.resolve("self/attr/current"), "system_u:system_r:node_exporter_t:s0\0");
        write(root.resolve("etc/selinux/config"), "# comment\nSELINUX=enforcing\nSELINUXTYPE=targeted\n");
        SelinuxCollector collector = new SelinuxCollector(new HostPaths(proc, sys, root, root));
        assertEquals(Map.of("node_selinux_enabled", 1.0, "node_selinux_config_mode", 1.0,
                "node_selinux_current_mode", 0.0), collect(collector));

        write(sys.resolve("fs/selinux/enforce"), "1\n");   // not what the kernel writes: go-selinux says -1
        write(root.resolve("etc/selinux/config"), "SELINUX=\"permissive\"\n");
        assertEquals(Map.of("node_selinux_enabled", 1.0, "node_selinux_config_mode", 0.0,
                "node_selinux_current_mode", -1.0), collect(collector));

        Files.delete(root.resolve("etc/selinux/config"));
        Files.delete(proc.resolve("self/attr/current"));    // unreadable label: still enabled
        assertEquals(Map.of("node_selinux_enabled", 1.0, "node_selinux_config_mode", -1.0,
                "node_selinux_current_mode", -1.0), collect(collector));

        write(proc.resolve("self/attr/current"), "kernel\0"); // the kernel's own label: disabled
        assertEquals(Map.of("node_selinux_enabled", 0.0), collect(collector));

        Files.delete(sys.resolve("fs/selinux/enforce"));
        write(proc.resolve("self/attr/current"), "unconfined\0");
        assertEquals(Map.of("node_selinux_enabled", 0.0), collect(collector));
    }

    private static Map<String, Double> collect(SelinuxCollector collector) throws Exception {
        RecordingSink sink = new RecordingSink();
        collector.update(sink);
        Map<String, Double> out = new TreeMap<>();
        sink.samples.forEach(sample -> out.put(sample.desc().name(), sample.value()));
        return out;
    }
}
