package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HwmonCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("hwmon");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_hwmon_").assertSame(ours, Exporters.reference(args));
        // the fixture's quirks are really there: a sensor whose input cannot be read keeps its label
        assertEquals(1.0, ours.families.get("node_hwmon_sensor_label").samples.get(
                "node_hwmon_sensor_label{chip=\"platform_coretemp_0\",label=\"Core 1\",sensor=\"temp3\"}"));
        assertTrue(ours.families.get("node_hwmon_temp_celsius").samples.keySet().stream()
                .noneMatch(key -> key.contains("sensor=\"temp3\"") && key.contains("coretemp")));
    }

    @Test
    void oddChipsAndSensorsMatchNodeExporter(@TempDir Path root) throws Exception {
        Path sys = root.resolve("sys");
        Path devices = sys.resolve("devices/platform");
        // a chip with spaces and capitals in its name, an empty label and one with spaces around it
        Path a = devices.resolve("Odd Device.1/hwmon/hwmon0");
        write(a.resolve("name"), "My Chip (rev 2)\n");
        link(a.resolve("device"), "../../../Odd Device.1");
        write(a.resolve("temp1_input"), "41000\n");
        write(a.resolve("temp1_label"), "\n");
        write(a.resolve("temp2_input"), "42000 \n");         // trailing space: not a number to Go
        write(a.resolve("temp2_label"), "  CPU Die  \n");
        write(a.resolve("temp01_max"), "90000\n");           // sensor number 01 is sensor 1
        write(a.resolve("in0"), "1200\n");                   // bare value and input both present
        write(a.resolve("in0_input"), "1250\n");
        write(a.resolve("fan1_input"), "fast\n");           // not a number: skipped
        write(a.resolve("temp3_input"), "1e3\n");
        write(a.resolve("temp4_input"), "-0\n");
        Files.write(a.resolve("temp4_label"), new byte[] {'A', (byte) 0xff, (byte) 0xfe, 'B', '\n'});
        write(a.resolve("power1_input"), "12_000_000\n");   // Go accepts digit separators
        write(a.resolve("xyz1_input"), "1\n");              // not a sensor type
        write(a.resolve("temp5x_input"), "1\n");            // not a sensor file name
        // sensors in the device directory too, one overriding the chip directory's value
        write(devices.resolve("Odd Device.1/temp1_input"), "43000\n");
        write(devices.resolve("Odd Device.1/curr2_input"), "700\n");
        // neither name nor device
        write(sys.resolve("devices/virtual/hwmon/hwmon1/temp1_input"), "30000\n");
        // only a name made of characters that clean away: named after its directory
        write(sys.resolve("devices/virtual/hwmon/hwmon2/name"), "***\n");
        write(sys.resolve("devices/virtual/hwmon/hwmon2/humidity1_input"), "50000\n");
        Path cls = sys.resolve("class/hwmon");
        link(cls.resolve("hwmon0"), "../../devices/platform/Odd Device.1/hwmon/hwmon0");
        link(cls.resolve("hwmon1"), "../../devices/virtual/hwmon/hwmon1");
        link(cls.resolve("hwmon2"), "../../devices/virtual/hwmon/hwmon2");
        write(cls.resolve("README"), "not a chip\n");
        List<String> args = List.of("--path.sysfs=" + sys, "--collector.disable-defaults", "--collector.hwmon");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_hwmon_", "node_scrape_collector_success").skip(name -> name.startsWith("node_scrape_collector_d"))
                .assertSame(ours, Exporters.reference(args));
        assertEquals(43.0, ours.families.get("node_hwmon_temp_celsius").samples
                .get("node_hwmon_temp_celsius{chip=\"platform_odd_device_1\",sensor=\"temp1\"}"));
    }

    /** node_exporter 1.5 fails the whole collector over a chip link that leads nowhere. */
    @Test
    void danglingChipLinkFailsTheCollectorAsInNodeExporter(@TempDir Path root) throws Exception {
        Path sys = root.resolve("sys");
        write(sys.resolve("devices/virtual/hwmon/hwmon1/temp1_input"), "30000\n");
        link(sys.resolve("class/hwmon/hwmon1"), "../../devices/virtual/hwmon/hwmon1");
        link(sys.resolve("class/hwmon/hwmon3"), "../../devices/virtual/hwmon/gone");
        List<String> args = List.of("--path.sysfs=" + sys, "--collector.disable-defaults", "--collector.hwmon");
        Parity.of("node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void noHwmonClassIsNoData(@TempDir Path root) throws Exception {
        Scrape ours = Exporters.vigil(List.of("--path.sysfs=" + root, "--collector.disable-defaults", "--collector.hwmon"));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"hwmon\"}"));
    }

    static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static void link(Path link, String target) throws Exception {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(target));
    }
}
