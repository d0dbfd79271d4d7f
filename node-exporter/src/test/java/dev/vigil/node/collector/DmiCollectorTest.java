package dev.vigil.node.collector;

import static dev.vigil.node.collector.HwmonCollectorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmiCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("dmi");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_dmi_").assertSame(ours, Exporters.reference(args));
        // product_serial is root-only on a real system; in the fixture it cannot be read either
        assertFalse(ours.families.get("node_dmi_info").samples.keySet().iterator().next().contains("product_serial"));
    }

    @Test
    void oddValuesMatchNodeExporter(@TempDir Path root) throws Exception {
        Path id = root.resolve("sys/class/dmi/id");
        write(id.resolve("bios_vendor"), "LENOVO\n");
        Files.write(id.resolve("board_name"), new byte[] {'A', (byte) 0xff, (byte) 0xfe, 'B', '\n'});
        write(id.resolve("board_asset_tag"), "   \n");      // blank, still a label
        write(id.resolve("modalias"), "dmi:bvnLENOVO\n");
        write(id.resolve("uevent"), "MODALIAS=dmi:bvnLENOVO\n");
        write(id.resolve("unknown_attr"), "z\n");
        write(id.resolve("chassis_type"), "10\n");         // read, not a label
        Files.createDirectories(id.resolve("power"));
        Parity.of("node_dmi_", "node_scrape_collector_success").assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));
    }

    @Test
    void noDmiIsNoData(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("sys/class"));
        Parity parity = Parity.of("node_dmi_", "node_scrape_collector_success");
        Scrape ours = Exporters.vigil(args(root));
        parity.assertSame(ours, Exporters.reference(args(root)));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"dmi\"}"));
        write(root.resolve("sys/class/dmi/id/chassis_type"), "10\n");
        parity.assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));
    }

    private static List<String> args(Path root) {
        return List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults", "--collector.dmi");
    }
}
