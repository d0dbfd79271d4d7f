package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysctlCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("sysctl",
                "--collector.sysctl.include=vm.swappiness",
                "--collector.sysctl.include=net.ipv4.ip_local_port_range:lo,hi",
                "--collector.sysctl.include=net.ipv4.tcp_rmem",
                "--collector.sysctl.include=fs/file-nr",
                "--collector.sysctl.include=kernel.printk:console,default_message,minimum_console,default_console",
                "--collector.sysctl.include-info=kernel.seccomp.actions_avail",
                "--collector.sysctl.include-info=kernel.core_pattern",
                "--collector.sysctl.include-info=net.ipv4.tcp_congestion_control",
                "--collector.sysctl.include-info=vm.overcommit_memory");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_sysctl_").assertSame(ours, Exporters.reference(args));
        assertEquals("untyped", ours.families.get("node_sysctl_vm_swappiness").type);
        assertEquals(60.0, ours.families.get("node_sysctl_vm_swappiness").samples.get("node_sysctl_vm_swappiness"));
    }

    @Test
    void offByDefaultAndEmptyWithoutIncludes() throws Exception {
        Scrape ours = Exporters.vigil(Args.fixtureCollector("sysctl"));
        assertEquals(1.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"sysctl\"}"));
        assertEquals(false, SysctlCollector.FACTORY.enabledByDefault());
    }

    /** Includes that do not fit the sysctl fail the collector in node_exporter; a key may hold a colon. */
    @ParameterizedTest
    @ValueSource(strings = {
        "--collector.sysctl.include=vm.swappiness:a",
        "--collector.sysctl.include-info=net.ipv4.ip_local_port_range:lo,hi",
        "--collector.sysctl.include=net.ipv4.ip_local_port_range:lo",
        "--collector.sysctl.include=kernel.core_pattern",
        "--collector.sysctl.include=vm.nonexistent",
        "--collector.sysctl.include-info=vm.swappiness",
        "--collector.sysctl.include=kernel.printk:a,b,c,d:e",
    })
    void includesMatchNodeExporter(String include) throws Exception {
        List<String> args = Args.fixtureCollector("sysctl", include);
        Parity.of("node_sysctl_", "node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
