package dev.vigil.node.collector;

import static dev.vigil.node.collector.HwmonCollectorTest.link;
import static dev.vigil.node.collector.HwmonCollectorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerSupplyClassCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("powersupplyclass");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_power_supply_").assertSame(withoutEmptyInfoLabels(ours), withoutEmptyInfoLabels(Exporters.reference(args)));
        assertEquals(12.229, ours.families.get("node_power_supply_voltage_volt").samples
                .get("node_power_supply_voltage_volt{power_supply=\"BAT0\"}"));
    }

    @Test
    void ignoredSuppliesMatchNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("powersupplyclass", "--collector.powersupply.ignored-supplies=^(AC|hidpp_.*)$");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_power_supply_").assertSame(withoutEmptyInfoLabels(ours), withoutEmptyInfoLabels(Exporters.reference(args)));
        assertEquals(2, ours.families.get("node_power_supply_info").samples.size());
    }

    @Test
    void oddSuppliesMatchNodeExporter(@TempDir Path root) throws Exception {
        Path bat = root.resolve("sys/class/power_supply/BAT1");
        write(bat.resolve("type"), "Battery\n");
        write(bat.resolve("capacity"), "0x10\n");
        write(bat.resolve("status"), "\n");                 // empty: no status label
        write(bat.resolve("cycle_count"), " 12 \n");
        write(bat.resolve("temp"), "-255\n");
        write(bat.resolve("time_to_empty_now"), "3600\n");
        write(bat.resolve("alarm"), "x\n");                 // not read
        write(bat.resolve("model_name"), "Ünï \"cell\"\n");
        Files.createDirectories(bat.resolve("power"));
        link(bat.resolve("device"), "../AC");
        Path ac = root.resolve("sys/class/power_supply/AC");
        write(ac.resolve("type"), "Mains\n");
        write(ac.resolve("online"), "1\n");
        List<String> args = List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults",
                "--collector.powersupplyclass");
        Parity.of("node_power_supply_", "node_scrape_collector_success")
                .assertSame(withoutEmptyInfoLabels(Exporters.vigil(args)), withoutEmptyInfoLabels(Exporters.reference(args)));
        // an attribute procfs parses but node_exporter does not export still has to be a number
        write(bat.resolve("power_avg"), "bad\n");
        Scrape failed = Exporters.vigil(args);
        Parity.of("node_scrape_collector_success").assertSame(failed, Exporters.reference(args));
        assertEquals(0.0, failed.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"powersupplyclass\"}"));
    }

    @Test
    void emptyClassDirectorySucceedsWithNothingAndMissingIsNoData(@TempDir Path root) throws Exception {
        List<String> args = List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults",
                "--collector.powersupplyclass");
        Parity parity = Parity.of("node_power_supply_", "node_scrape_collector_success");
        parity.assertSame(Exporters.vigil(args), Exporters.reference(args));
        Files.createDirectories(root.resolve("sys/class/power_supply"));
        parity.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    /**
     * node_power_supply_info with its empty labels dropped: node_exporter leaves out the labels a
     * supply has no value for, we send them empty, which Prometheus stores as the same series.
     */
    static Scrape withoutEmptyInfoLabels(Scrape scrape) {
        Scrape.Family info = scrape.families.get("node_power_supply_info");
        if (info != null) {
            Map<String, Double> samples = new TreeMap<>();
            info.samples.forEach((key, value) -> samples.put(key.replaceAll("(?<=[{,])[a-z_]+=\"\",?", "")
                    .replace(",}", "}"), value));
            info.samples.clear();
            info.samples.putAll(samples);
        }
        return scrape;
    }
}
