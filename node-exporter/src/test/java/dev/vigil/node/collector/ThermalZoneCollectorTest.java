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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThermalZoneCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("thermal_zone");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_thermal_zone_", "node_cooling_device_").assertSame(ours, Exporters.reference(args));
        assertEquals(-1.0, ours.families.get("node_cooling_device_cur_state").samples
                .get("node_cooling_device_cur_state{name=\"1\",type=\"intel_powerclamp\"}"));
    }

    @Test
    void oddButValidZonesMatchNodeExporter(@TempDir Path root) throws Exception {
        Path thermal = root.resolve("sys/class/thermal");
        zone(thermal.resolve("thermal_zone0"), "acpitz", "step_wise", " 05 ");
        write(thermal.resolve("thermal_zone0/mode"), "disabled\n"); // still reported by 1.5
        zone(thermal.resolve("thermal_zone12"), "iwlwifi_1", "step_wise", "-40000");
        write(thermal.resolve("thermal_zone12/passive"), "95000\n");
        write(thermal.resolve("thermal_zoneX/temp"), "1\n");        // not thermal_zone[0-9]*
        write(thermal.resolve("cooling_device0/type"), "Fan\n");
        write(thermal.resolve("cooling_device0/cur_state"), "+1\n");
        write(thermal.resolve("cooling_device0/max_state"), "007\n");
        List<String> args = List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults",
                "--collector.thermal_zone");
        Parity.of("node_thermal_zone_", "node_cooling_device_", "node_scrape_collector_success")
                .assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    /** A zone or cooling device that lacks a required attribute or holds a bad number fails the collector. */
    @ParameterizedTest
    @CsvSource({
        "thermal_zone3/type, ''",
        "thermal_zone3/policy, ''",
        "thermal_zone3/temp, ''",
        "thermal_zone3/temp, abc",
        "thermal_zone3/passive, xyz",
        "thermal_zone3/passive, -1",
        "cooling_device3/cur_state, x",
        "cooling_device3/max_state, ''",
    })
    void brokenZonesFailTheCollectorAsInNodeExporter(String file, String content, @TempDir Path root) throws Exception {
        Path thermal = root.resolve("sys/class/thermal");
        zone(thermal.resolve("thermal_zone0"), "acpitz", "step_wise", "27800");
        zone(thermal.resolve("thermal_zone3"), "x86_pkg_temp", "step_wise", "55000");
        write(thermal.resolve("cooling_device3/type"), "Processor\n");
        write(thermal.resolve("cooling_device3/cur_state"), "0\n");
        write(thermal.resolve("cooling_device3/max_state"), "3\n");
        if (content.isEmpty()) {
            java.nio.file.Files.delete(thermal.resolve(file));
        } else {
            write(thermal.resolve(file), content + "\n");
        }
        List<String> args = List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults",
                "--collector.thermal_zone");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_scrape_collector_success").assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"thermal_zone\"}"));
    }

    @Test
    void noThermalClassSucceedsWithNothing(@TempDir Path root) throws Exception {
        List<String> args = List.of("--path.sysfs=" + root, "--collector.disable-defaults", "--collector.thermal_zone");
        Parity.of("node_thermal", "node_cooling", "node_scrape_collector_success")
                .assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    private static void zone(Path dir, String type, String policy, String temp) throws Exception {
        write(dir.resolve("type"), type + "\n");
        write(dir.resolve("policy"), policy + "\n");
        write(dir.resolve("temp"), temp + "\n");
    }
}
