package dev.vigil.node.collector;

import static dev.vigil.node.collector.HwmonCollectorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("rapl");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_rapl_").assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("node_rapl_package_joules_total").samples.size(), "intel-rapl and -mmio");
    }

    @Test
    void zoneLabelMatchesNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("rapl", "--collector.rapl.enable-zone-label");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_rapl_").assertSame(ours, Exporters.reference(args));
        assertEquals(6, ours.families.get("node_rapl_joules_total").samples.size());
    }

    @Test
    void zoneNamesAreIndexedAsInNodeExporter(@TempDir Path root) throws Exception {
        Path powercap = root.resolve("sys/class/powercap");
        zone(powercap.resolve("intel-rapl:0"), "package-1", "100");
        zone(powercap.resolve("intel-rapl:0:0"), "dram", "200");
        zone(powercap.resolve("intel-rapl:0:1"), "dram", "300");
        zone(powercap.resolve("intel-rapl:1"), "package", "400");          // after package-1: index 2
        zone(powercap.resolve("intel-rapl:2"), "package-0-die-1", "500");  // three parts: not an index
        zone(powercap.resolve("intel-rapl:3"), "psys-x", "600");           // not a number: kept whole
        zone(powercap.resolve("intel-rapl:4"), " uncore \n", "18446744073709551615");
        Files.createDirectories(powercap.resolve("intel-rapl"));           // a control type: no name
        for (boolean zoneLabel : new boolean[] {false, true}) {
            List<String> args = zoneLabel ? args(root, "--collector.rapl.enable-zone-label") : args(root);
            Parity.of("node_rapl_", "node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
        }
    }

    @Test
    void brokenZonesMatchNodeExporter(@TempDir Path root) throws Exception {
        Path zone = root.resolve("sys/class/powercap/intel-rapl:0");
        Parity parity = Parity.of("node_rapl_", "node_scrape_collector_success");
        Files.createDirectories(root.resolve("sys"));
        parity.assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));  // no powercap: no data
        write(zone.resolve("name"), "package-0\n");
        parity.assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));  // no max_energy_range_uj
        write(zone.resolve("max_energy_range_uj"), "262143328850\n");
        parity.assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));  // no energy_uj
        write(zone.resolve("energy_uj"), "lots\n");
        parity.assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));  // not a number
        write(zone.resolve("max_energy_range_uj"), "-1\n");
        parity.assertSame(Exporters.vigil(args(root)), Exporters.reference(args(root)));
    }

    private static List<String> args(Path root, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--path.sysfs=" + root.resolve("sys"),
                "--collector.disable-defaults", "--collector.rapl"));
        args.addAll(List.of(extra));
        return args;
    }

    private static void zone(Path dir, String name, String energy) throws Exception {
        write(dir.resolve("name"), name + "\n");
        write(dir.resolve("energy_uj"), energy + "\n");
        write(dir.resolve("max_energy_range_uj"), "262143328850\n");
    }
}
