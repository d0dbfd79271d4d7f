package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.sysfs.NumaMeminfo.Field;
import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumaMeminfoTest {

    @Test
    void readsTheCapturedNode() {
        List<Field> fields = NumaMeminfo.parseMeminfo(Fixtures.read("sys/devices/system/node/node0/meminfo"));
        assertEquals(new Field("MemTotal", "0", 5597388.0 * 1024, false), fields.get(0));
        assertEquals("Active_anon", fields.stream().filter(f -> f.name().startsWith("Active_a")).findFirst()
                .orElseThrow().name());
        Field hugeTotal = fields.stream().filter(f -> f.name().equals("HugePages_Total")).findFirst().orElseThrow();
        assertEquals(0, hugeTotal.value());
    }

    @Test
    void readsASecondNodeOfATwoSocketMachine() {
        List<Field> fields = NumaMeminfo.parseMeminfo("""
                Node 1 MemTotal:       65980664 kB
                Node 1 Inactive(file):  1212344 kB

                Node 1 HugePages_Free:      12
                """);
        assertEquals(List.of(new Field("MemTotal", "1", 65980664.0 * 1024, false),
                new Field("Inactive_file", "1", 1212344.0 * 1024, false),
                new Field("HugePages_Free", "1", 12, false)), fields);
    }

    @Test
    void readsNumastat() {
        assertEquals(List.of(new Field("numa_hit_total", "3", 40809969, true),
                new Field("other_node_total", "3", 0, true)), NumaMeminfo.parseNumastat("numa_hit 40809969\n\nother_node 0\n", "3"));
    }

    @Test
    void emptyFilesHaveNoFields() {
        assertEquals(List.of(), NumaMeminfo.parseMeminfo(""));
        assertEquals(List.of(), NumaMeminfo.parseNumastat("\n", "0"));
    }

    @Test
    void rejectsMalformedLines() {
        assertThrows(IllegalArgumentException.class, () -> NumaMeminfo.parseMeminfo("Node 0 MemTotal:\n"));
        assertThrows(IllegalArgumentException.class, () -> NumaMeminfo.parseMeminfo("Node 0 MemTotal: 1 MB\n"));
        assertThrows(IllegalArgumentException.class, () -> NumaMeminfo.parseMeminfo("Node 0 MemTotal: x kB\n"));
        assertThrows(IllegalArgumentException.class, () -> NumaMeminfo.parseNumastat("numa_hit 1 2\n", "0"));
        assertThrows(IllegalArgumentException.class, () -> NumaMeminfo.parseNumastat("numa_hit x\n", "0"));
    }
}
