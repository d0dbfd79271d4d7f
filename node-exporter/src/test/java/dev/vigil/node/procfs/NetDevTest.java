package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetDevTest {
    private static final String HEADER = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            """;

    /** Linux 6.x: right-aligned names, wide counters. */
    @Test
    void parsesALinux6File() {
        List<NetDev.Line> lines = NetDev.parse(HEADER + """
                    lo: 98770317  585598    0    0    0     0          0         0 98770317  585598    0    0    0     0       0          0
                  eth0: 57925187    2908    1    2    3     4          5         6   491732    2347    7    8    9    10      11         12
                """);
        assertEquals(List.of("lo", "eth0"), lines.stream().map(NetDev.Line::name).toList());
        assertArrayEquals(new long[] {57925187, 2908, 1, 2, 3, 4, 5, 6, 491732, 2347, 7, 8, 9, 10, 11, 12},
                lines.get(1).values());
    }

    /** Linux 2.6: no space after the colon once the counter is wide. */
    @Test
    void parsesNamesGluedToTheirFirstCounter() {
        List<NetDev.Line> lines = NetDev.parse(HEADER
                + "  eth0:1234567890123 5 0 0 0 0 0 0 6 7 0 0 0 0 0 0\n"
                + "vlan.100:1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n");
        assertEquals("eth0", lines.get(0).name());
        assertEquals(1234567890123L, lines.get(0).values()[NetDev.RX_BYTES]);
        assertEquals("vlan.100", lines.get(1).name());
        assertEquals(16, lines.get(1).values()[NetDev.TX_COMPRESSED]);
    }

    @Test
    void keepsUnsigned64BitCounters() {
        NetDev.Line line = NetDev.parse(HEADER + "bond0: 18446744073709551615 1 0 0 0 0 0 0 9223372036854775808 1 0 0 0 0 0 0\n")
                .get(0);
        assertEquals(-1L, line.values()[NetDev.RX_BYTES]);
        assertEquals(1.8446744073709552E19, NetDev.toDouble(line.values()[NetDev.RX_BYTES]));
        assertEquals(9.223372036854775808E18, NetDev.toDouble(line.values()[NetDev.TX_BYTES]));
    }

    @Test
    void ignoresExtraColumnsCarriageReturnsAndBlankLines() {
        List<NetDev.Line> lines = NetDev.parse(HEADER + "eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18\r\n\n   \n");
        assertEquals(1, lines.size());
        assertEquals(16, lines.get(0).values()[15]);
    }

    @Test
    void aLaterLineForTheSameNameWins() {
        List<NetDev.Line> lines = NetDev.parse(HEADER + "eth0: 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1\neth0: 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2\n");
        assertEquals(1, lines.size());
        assertEquals(2, lines.get(0).values()[0]);
    }

    @Test
    void headerOnlyAndEmptyFilesHaveNoDevices() {
        assertEquals(List.of(), NetDev.parse(HEADER));
        assertEquals(List.of(), NetDev.parse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eth0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
        ": 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
        "eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15",
        "eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 x",
        "eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 -1",
        "eth0: 18446744073709551616 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
        "eth0: 99999999999999999999 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
    })
    void rejectsBrokenLines(String line) {
        assertThrows(IllegalArgumentException.class, () -> NetDev.parse(HEADER + line + "\n"));
    }

    @Test
    void legacyNamesFollowTheFileColumns() {
        assertEquals(16, NetDev.FIELD_NAMES.size());
        assertEquals("transmit_colls", NetDev.FIELD_NAMES.get(NetDev.TX_COLLS));
        assertEquals("receive_multicast", NetDev.FIELD_NAMES.get(NetDev.RX_MULTICAST));
    }
}
