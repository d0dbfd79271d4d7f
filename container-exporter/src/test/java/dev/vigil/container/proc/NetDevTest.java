package dev.vigil.container.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetDevTest {
    private static final String HEADER = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            """;

    @Test
    void readsEverySixteenCountersOfTheCapturedFile() {
        List<InterfaceStats> all = NetDev.parse(ProcFixtures.read("procfs/4242/net/dev"));
        assertEquals(List.of("lo", "ifb0", "ifb1", "eth0", "docker0"), all.stream().map(InterfaceStats::name).toList());
        assertEquals(new InterfaceStats("lo", 8583122475L, 3919644, 0, 0, 0, 0, 0, 0,
                8583122475L, 3919644, 0, 0, 0, 0, 0, 0), all.get(0));
        InterfaceStats eth0 = all.get(3);
        assertEquals(425939889L, eth0.rxBytes());
        assertEquals(18038, eth0.rxPackets());
        assertEquals(1617828, eth0.txBytes());
        assertEquals(14959, eth0.txPackets());
        assertEquals(2, all.get(4).txDropped(), "docker0's tx drop column");
    }

    @Test
    void putsEachColumnInItsField() {
        InterfaceStats s = NetDev.parse(HEADER + "  eth1: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n").get(0);
        assertEquals(new InterfaceStats("eth1", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), s);
        assertEquals(6, s.rxFrame());
        assertEquals(8, s.rxMulticast());
        assertEquals(14, s.txCollisions());
        assertEquals(15, s.txCarrier());
    }

    @Test
    void cadvisorSkipsLoopbackVethDockerAndNerdctlWhateverTheCase() {
        List<InterfaceStats> kept = NetDev.cadvisorInterfaces(NetDev.parse(ProcFixtures.read("procfs/4242/net/dev")));
        assertEquals(List.of("ifb0", "ifb1", "eth0"), kept.stream().map(InterfaceStats::name).toList());
        for (String ignored : List.of("lo", "LO", "lowpan0", "veth1a2b3c", "Veth0", "docker0", "docker_gwbridge",
                "nerdctl0")) {
            assertTrue(NetDev.isIgnoredByCadvisor(ignored), ignored);
        }
        for (String kept2 : List.of("eth0", "ens3", "cni0", "flannel.1", "cali1234", "br-abc", "wlan0", "bond0")) {
            assertFalse(NetDev.isIgnoredByCadvisor(kept2), kept2);
        }
    }

    @Test
    void acceptsAnOldKernelsNameGluedToTheFirstCounterAndHugeCounters() {
        List<InterfaceStats> all = NetDev.parse(HEADER
                + "  eth0:123456789 2 0 0 0 0 0 0 18446744073709551615 4 0 0 0 0 0 0\n");
        assertEquals(123456789L, all.get(0).rxBytes());
        assertEquals("18446744073709551615", Long.toUnsignedString(all.get(0).txBytes()));
    }

    @Test
    void headersAloneOrNothingMeanNoInterfaces() {
        assertEquals(List.of(), NetDev.parse(HEADER));
        assertEquals(List.of(), NetDev.parse(""));
    }

    @Test
    void oneBadLineRejectsTheFile() {
        assertThrows(IllegalArgumentException.class,
                () -> NetDev.parse(HEADER + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n"));
        assertThrows(IllegalArgumentException.class,
                () -> NetDev.parse(HEADER + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 x\n"));
        assertThrows(IllegalArgumentException.class,
                () -> NetDev.parse(HEADER + "  eth0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"));
        assertThrows(IllegalArgumentException.class,
                () -> NetDev.parse(HEADER + "    : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"));
    }
}
