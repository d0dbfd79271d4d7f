package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuddyinfoTest {

    @Test
    void readsTheCapturedFile() {
        List<Buddyinfo.Zone> zones = Buddyinfo.parse(Fixtures.read("proc/buddyinfo"));
        assertEquals(List.of("DMA", "DMA32", "Normal"), zones.stream().map(Buddyinfo.Zone::zone).toList());
        assertEquals("0", zones.get(2).node());
        assertEquals(11, zones.get(2).freeBlocks().size());
        assertEquals(4211.0, zones.get(2).freeBlocks().get(0));
    }

    @Test
    void readsTwoNodesWithMovableZones() {
        List<Buddyinfo.Zone> zones = Buddyinfo.parse("""
                Node 0, zone      DMA      1      1      1      0      2      1      1      0      1      1      3
                Node 0, zone    DMA32    759    613    470    315    189     91     36     19     11      9    399
                Node 1, zone   Normal  20423  10324   6150   2510   1131    471    202     94     42     22    108
                Node 1, zone  Movable      0      0      0      0      0      0      0      0      0      0      0
                """);
        assertEquals(new Buddyinfo.Zone("1", "Movable", List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)),
                zones.get(3));
        assertEquals(108.0, zones.get(2).freeBlocks().get(10));
    }

    @Test
    void rejectsShortLinesMismatchedOrdersAndNonNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Buddyinfo.parse("Node 0, zone\n"));
        assertThrows(IllegalArgumentException.class, () -> Buddyinfo.parse("Node 0, zone DMA 1 2\nNode 0, zone N 1\n"));
        assertThrows(IllegalArgumentException.class, () -> Buddyinfo.parse("Node 0, zone DMA 1 x\n"));
        assertThrows(IllegalArgumentException.class, () -> Buddyinfo.parse("Node 0, zone DMA 1\n\n"));
        assertEquals(List.of(), Buddyinfo.parse(""));
    }
}
