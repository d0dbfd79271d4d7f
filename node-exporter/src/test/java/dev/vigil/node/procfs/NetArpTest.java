package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NetArpTest {
    /** Linux 6.x, several devices; 0x0 is an incomplete entry, 0x6 a permanent one. */
    private static final String LINUX6 = """
            IP address       HW type     Flags       HW address            Mask     Device
            192.0.2.1        0x1         0x2         02:fc:00:00:00:05     *        eth0
            192.0.2.7        0x1         0x0         00:00:00:00:00:00     *        eth0
            198.51.100.1     0x1         0x2         52:54:00:12:34:56     *        br0
            198.51.100.21    0x1         0x6         52:54:00:ab:cd:f0     *        br0
            10.8.0.1         0x1         0x2         00:00:00:00:00:00     *        wg0
            """;

    @Test
    void countsEveryEntryPerDevice() {
        assertEquals(Map.of("eth0", 2, "br0", 2, "wg0", 1), NetArp.entriesByDevice(LINUX6));
    }

    @Test
    void keepsFirstAppearanceOrder() {
        assertEquals("[eth0, br0, wg0]", NetArp.entriesByDevice(LINUX6).keySet().toString());
    }

    @Test
    void headerOnlyOrEmptyFileHasNoEntries() {
        assertEquals(Map.of(), NetArp.entriesByDevice(
                "IP address       HW type     Flags       HW address            Mask     Device\n"));
        assertEquals(Map.of(), NetArp.entriesByDevice(""));
    }

    @Test
    void deviceIsTheLastWordOfAWiderLine() {
        // node_exporter 1.5 takes the last word, whatever the width (at least six).
        assertEquals(Map.of("vlan10", 1), NetArp.entriesByDevice(
                "192.0.2.1 0x1 0x2 02:fc:00:00:00:05 * eth0 extra vlan10\n"));
    }

    @Test
    void aLastLineWithoutNewlineCounts() {
        assertEquals(Map.of("eth0", 1), NetArp.entriesByDevice("192.0.2.1 0x1 0x2 02:fc:00:00:00:05 * eth0"));
    }

    @Test
    void rejectsShortAndBlankLines() {
        assertThrows(IllegalArgumentException.class, () -> NetArp.entriesByDevice("192.0.2.1 0x1 0x2 * eth0\n"));
        assertThrows(IllegalArgumentException.class, () -> NetArp.entriesByDevice(
                "IP address HW type Flags HW address Mask Device\n\n192.0.2.1 0x1 0x2 02:fc:00:00:00:05 * eth0\n"));
    }
}
