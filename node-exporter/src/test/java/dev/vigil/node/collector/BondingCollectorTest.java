package dev.vigil.node.collector;

import static dev.vigil.node.collector.HwmonCollectorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BondingCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("bonding");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_bonding_").assertSame(ours, Exporters.reference(args));
        assertEquals(2.0, ours.families.get("node_bonding_slaves").samples.get("node_bonding_slaves{master=\"bond0\"}"));
        assertEquals(1.0, ours.families.get("node_bonding_active").samples.get("node_bonding_active{master=\"bond0\"}"));
    }

    /** Older kernels name slave links slave_<name>; a master may have no slaves; mii_status may be padded. */
    @Test
    void olderLayoutsMatchNodeExporter(@TempDir Path root) throws Exception {
        Path net = root.resolve("sys/class/net");
        write(net.resolve("bonding_masters"), "bond0 bond1\tbond2\n");
        write(net.resolve("bond0/bonding/slaves"), "eth0 eth1 eth2\n");
        write(net.resolve("bond0/slave_eth0/bonding_slave/mii_status"), "up\n");
        write(net.resolve("bond0/lower_eth1/bonding_slave/mii_status"), " up \n");
        write(net.resolve("bond0/slave_eth2/bonding_slave/mii_status"), "going back\n");
        write(net.resolve("bond1/bonding/slaves"), "\n");
        write(net.resolve("bond2/bonding/slaves"), "dummy0\n");
        write(net.resolve("bond2/lower_dummy0/bonding_slave/mii_status"), "down\n");
        List<String> args = List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults", "--collector.bonding");
        Parity.of("node_bonding_", "node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void missingFilesAreNoDataAsInNodeExporter(@TempDir Path root) throws Exception {
        Path net = root.resolve("sys/class/net");
        List<String> args = List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults", "--collector.bonding");
        Parity success = Parity.of("node_bonding_", "node_scrape_collector_success");
        success.assertSame(Exporters.vigil(args), Exporters.reference(args)); // no bonding_masters
        write(net.resolve("bonding_masters"), "bond0\n");
        success.assertSame(Exporters.vigil(args), Exporters.reference(args)); // master without bonding/
        write(net.resolve("bond0/bonding/slaves"), "eth0\n");
        Scrape ours = Exporters.vigil(args);
        success.assertSame(ours, Exporters.reference(args));                 // slave without mii_status
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"bonding\"}"));
    }
}
