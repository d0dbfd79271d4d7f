package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConntrackStatTest {
    private static final String HEADER_5X = "entries  clashres found new invalid ignore delete chainlength insert"
            + " insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";
    private static final String HEADER_4X = "entries  searched found new invalid ignore delete delete_list insert"
            + " insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";

    @Test
    void sumsEveryCpuByPosition() {
        ConntrackStat stat = ConntrackStat.parse(HEADER_5X
                + "00000021  00000000 00000001 00000000 00000002 00000003 00000000 00000000 00000004 00000005"
                + " 00000006 00000007 00000000  00000000 00000000 00000000 00000008\n"
                + "00000021  00000000 00000010 00000000 00000020 00000030 00000000 00000000 00000040 00000050"
                + " 00000060 00000070 00000000  00000000 00000000 00000000 00000080\n");
        assertEquals(new ConntrackStat(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88), stat);
    }

    @Test
    void readsOlderKernelsTheSameWay() {
        ConntrackStat stat = ConntrackStat.parse(HEADER_4X
                + "0000002a  0000b2f1 00000010 00000100 00000003 00001000 00000005 00000000 00000007 00000001"
                + " 00000002 00000004 00000000  00000000 00000000 00000000 00000009\n");
        assertEquals(new ConntrackStat(0x10, 3, 0x1000, 7, 1, 2, 4, 9), stat);
    }

    @Test
    void sumsWrapAt64Bits() {
        String line = "0 0 ffffffffffffffff 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
        assertEquals(-2L, ConntrackStat.parse(HEADER_5X + line + line).found());
    }

    @Test
    void headerOnlyOrEmptyIsZero() {
        assertEquals(new ConntrackStat(0, 0, 0, 0, 0, 0, 0, 0), ConntrackStat.parse(HEADER_5X));
        assertEquals(new ConntrackStat(0, 0, 0, 0, 0, 0, 0, 0), ConntrackStat.parse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "00000000 00000000\n", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n", "0 0 zz 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"})
    void rejectsLinesWithoutSeventeenHexColumns(String line) {
        assertThrows(IllegalArgumentException.class, () -> ConntrackStat.parse(HEADER_5X + line));
    }
}
