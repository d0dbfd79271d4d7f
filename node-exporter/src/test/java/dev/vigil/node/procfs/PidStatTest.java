package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PidStatTest {

    @Test
    void readsTheCapturedInit() {
        assertEquals(new PidStat(1, "process_api", "S", 13), PidStat.parse(Fixtures.read("proc/1/stat")));
    }

    @Test
    void commandNamesMayHoldSpacesAndParentheses() {
        PidStat stat = PidStat.parse(Fixtures.read("proc/412/stat"));
        assertEquals("my (odd) daemon", stat.comm());
        assertEquals("S", stat.state());
        assertEquals(3, stat.numThreads());
        assertEquals(new PidStat(7, ") x (", "R", 1), PidStat.parse(
                "7 () x () R 1 7 7 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 600 0 0\n"));
    }

    @Test
    void readsOldKernelsWithFewerTrailingFields() {
        // Linux 2.6.18 ends after the 41st field; everything through rss is there.
        PidStat stat = PidStat.parse("2217 (crond) S 1 2217 2217 0 -1 4202816 2254 1266493 0 11 1 5 2063 1006 15 0 1 0 "
                + "1542 5681152 302 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0\n");
        assertEquals(new PidStat(2217, "crond", "S", 1), stat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1 no comm S 1", "1 (x) S 1 2 3", "1 (x) S 1 1 1 0 -1 x 0 0 0 0 0 0 0 0 20 0 1 0 1 0 0"})
    void rejectsBrokenFiles(String text) {
        assertThrows(IllegalArgumentException.class, () -> PidStat.parse(text));
    }
}
