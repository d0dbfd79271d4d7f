package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NetStatisticsTest {

    @Test
    void namesEveryRtnlLinkStats64CounterOnce() {
        assertEquals(24, NetStatistics.FILES.size());
        assertEquals(24, NetStatistics.KEYS.size());
        assertEquals(24, NetStatistics.FILES.stream().distinct().count());
        assertEquals("receive_nohandler", NetStatistics.KEYS.get(NetStatistics.RX_NOHANDLER));
        assertEquals("transmit_heartbeat_errors", NetStatistics.KEYS.get(NetStatistics.FILES.indexOf("tx_heartbeat_errors")));
    }

    @Test
    void readsUnsigned64BitCounters() {
        assertEquals(57925187L, NetStatistics.parse("57925187\n"));
        assertEquals(-1L, NetStatistics.parse("18446744073709551615\n"));
        assertThrows(IllegalArgumentException.class, () -> NetStatistics.parse("\n"));
        assertThrows(IllegalArgumentException.class, () -> NetStatistics.parse("-1\n"));
    }
}
