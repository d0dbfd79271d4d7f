package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XfsStatsTest {

    @Test
    void kernel6WithNewerBtreeGroups() {
        // Captured: fibt2, rmapbt, refcntbt, rtrmapbt... and defer_relog are checked and skipped.
        XfsStats stats = XfsStats.parse(Fixtures.read("sys/fs/xfs/sda1/stats/stats"));
        assertEquals(40197, stats.get("ig", 0));
        assertEquals(212892, stats.get("ig", 6));
        XfsStats zeros = XfsStats.parse(Fixtures.read("proc/fs/xfs/stat"));
        assertEquals(0, zeros.get("vnodes", 7));
    }

    @Test
    void kernel310() {
        XfsStats stats = XfsStats.parse("""
                extent_alloc 92447 97589 92448 93751
                abt 0 0 0 0
                blk_map 1767055 188820 184891 92447 92448 2140766 0
                bmbt 0 0 0 0
                dir 185039 92447 92444 136422
                trans 706 944304 0
                ig 185045 58807 0 126238 0 33637 22
                log 2883 113448 9 17360 739
                push_ail 945014 0 134260 15483 0 3940 464 159985 0 40
                xstrat 92447 0
                rw 107739 94045
                attr 4 0 0 0
                icluster 8677 7849 135802
                vnodes 92601 0 0 0 92444 92444 92444 0
                buf 2666287 7122 2659202 3599 2 7085 0 10297 7085
                abtb2 184941 1277345 13257 13278 0 0 0 0 0 0 0 0 0 0 2746147
                abtc2 345295 2416764 172637 172658 0 0 0 0 0 0 0 0 0 0 21406023
                bmbt2 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                ibt2 343004 1358467 0 0 0 0 0 0 0 0 0 0 0 0 0
                qm 0 0 0 0 0 0 0 0
                xpc 399724544 92823103 86219234
                debug 0
                """);
        assertEquals(92447, stats.get("extent_alloc", 0));
        assertEquals(94045, stats.get("rw", 1));
        assertEquals(92444, stats.get("vnodes", 6));
        assertEquals(399724544, stats.get("xpc", 0));
    }

    @Test
    void sevenVnodeCountersAndMissingGroups() {
        XfsStats stats = XfsStats.parse("vnodes 1 2 3 4 5 6 7\nfoo\n\n");
        assertEquals(7, stats.get("vnodes", 6));
        assertEquals(0, stats.get("vnodes", 7));
        assertEquals(0, stats.get("ig", 0));
    }

    @Test
    void xpcTakes64BitCounters() {
        assertEquals(18446744073709551615.0,
                Unsigned.toDouble(XfsStats.parse("xpc 18446744073709551615 0 0").get("xpc", 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "extent_alloc 1 2 3\n",
        "vnodes 1 2 3 4 5 6\n",
        "rw 4294967296 1\n",
        "unknown_group 4294967296\n",
        "ig 1 2 3 4 5 6 x\n",
        "xpc 1 2\n",
    })
    void malformedLinesFail(String text) {
        assertThrows(IllegalArgumentException.class, () -> XfsStats.parse(text));
    }
}
