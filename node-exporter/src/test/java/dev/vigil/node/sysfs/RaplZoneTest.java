package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaplZoneTest {

    /** A two-socket server: packages carry their index, core and dram zones are counted. */
    @Test
    void indexesZonesAsProcfsDoes() {
        List<RaplZone> zones = RaplZone.index(List.of(
                named("intel-rapl:0", "package-0\n"),
                named("intel-rapl:0:0", "dram\n"),
                named("intel-rapl:1", "package-1\n"),
                named("intel-rapl:1:0", "dram\n"),
                named("intel-rapl:2", "package\n"),
                named("intel-rapl:3", "psys-x"),
                named("intel-rapl:4", "package-0-die-1")));
        assertEquals(List.of(
                new RaplZone("package", 0, "/sys/class/powercap/intel-rapl:0"),
                new RaplZone("dram", 0, "/sys/class/powercap/intel-rapl:0:0"),
                new RaplZone("package", 1, "/sys/class/powercap/intel-rapl:1"),
                new RaplZone("dram", 1, "/sys/class/powercap/intel-rapl:1:0"),
                new RaplZone("package", 2, "/sys/class/powercap/intel-rapl:2"),
                new RaplZone("psys-x", 0, "/sys/class/powercap/intel-rapl:3"),
                new RaplZone("package-0-die-1", 0, "/sys/class/powercap/intel-rapl:4")), zones);
    }

    private static RaplZone.Named named(String dir, String name) {
        return new RaplZone.Named(dir, name, "/sys/class/powercap/" + dir);
    }
}
