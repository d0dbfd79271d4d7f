package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MeminfoTest {

    @Test
    void convertsKilobytesAndNamesAsNodeExporter() {
        Map<String, Double> fields = Meminfo.parse("""
                MemTotal:       15666184 kB
                Active(anon):    1234 kB
                HugePages_Total:       0
                Hugepagesize:       2048 kB
                """);
        assertEquals(Map.of("MemTotal_bytes", 15666184.0 * 1024, "Active_anon_bytes", 1234.0 * 1024,
                "HugePages_Total", 0.0, "Hugepagesize_bytes", 2048.0 * 1024), fields);
    }

    @Test
    void skipsMalformedLines() {
        Map<String, Double> fields = Meminfo.parse("MemTotal: 1 kB\ngarbage\nFoo: x kB\nBar: 1 2 3 4\n\n");
        assertEquals(Map.of("MemTotal_bytes", 1024.0), fields);
    }
}
