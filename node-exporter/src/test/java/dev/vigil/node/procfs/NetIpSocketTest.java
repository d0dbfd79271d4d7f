package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetIpSocketTest {
    private static final String TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode                                                     \n";
    private static final String UDP6_HEADER = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";

    @Test
    void summarizesATcpTable() {
        NetIpSocket.Summary summary = NetIpSocket.summarize(TCP_HEADER
                + "   0: 00000000:07E8 00000000:0000 0A 00000000:00000003 00:00000000 00000000     0        0 1123 1 0000000026976454 100 0 0 10 0\n"
                + "   1: 0200A8C0:0016 0100A8C0:D2F4 01 00000024:00000000 01:00000014 00000000     0        0 20871 4 0000000000000000 20 4 29 10 -1\n"
                + "   2: 0200A8C0:C350 0101A8C0:01BB 06 00000000:00000000 03:00000B2E 00000000     0        0 0 3 0000000000000000\n");
        assertEquals(0x24, summary.txQueue());
        assertEquals(3, summary.rxQueue());
        assertEquals(3, summary.sockets());
        assertEquals(1, summary.states()[0x0A]);
        assertEquals(1, summary.states()[0x01]);
        assertEquals(1, summary.states()[0x06]);
    }

    @Test
    void summarizesAnIpv6UdpTable() {
        NetIpSocket.Summary summary = NetIpSocket.summarize(UDP6_HEADER
                + "  123: 00000000000000000000000000000000:0222 00000000000000000000000000000000:0000 07 00000000:00000400"
                + " 00:00000000 00000000     0        0 16713 2 0000000000000000 0\n"
                + " 2318: 0000000000000000FFFF00000100007F:0143 00000000000000000000000000000000:0000 07 00000200:00000000"
                + " 00:00000000 00000000   101        0 20734 2 0000000000000000 17\n");
        assertEquals(0x200, summary.txQueue());
        assertEquals(0x400, summary.rxQueue());
        assertEquals(2, summary.states()[7]);
    }

    @Test
    void headerOnlyOrEmptyIsZero() {
        assertEquals(0, NetIpSocket.summarize(TCP_HEADER).sockets());
        assertEquals(0, NetIpSocket.summarize("").sockets());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "   0: 0100007F:0143 00000000:0000 07 00000100:00000a00 00:00000000",
        "   0 0100007F:0143 00000000:0000 07 00000100:00000a00 00:00000000 00000000 0 0 1",
        "   0: 0100007F0143 00000000:0000 07 00000100:00000a00 00:00000000 00000000 0 0 1",
        "   0: 0100007:0143 00000000:0000 07 00000100:00000a00 00:00000000 00000000 0 0 1",
        "   0: 0100007F:0143 00000000:0000 0Z 00000100:00000a00 00:00000000 00000000 0 0 1",
        "   0: 0100007F:0143 00000000:0000 07 0000010000000a00 00:00000000 00000000 0 0 1",
        "   0: 0100007F:0143 00000000:0000 07 0000010g:00000a00 00:00000000 00000000 0 0 1",
        "   0: 0100007F:0143 00000000:0000 07 00000100:00000a00 00:00000000 00000000 x 0 1",
        "   0: 0100007F:0143 00000000:0000 07 00000100:00000a00 00:00000000 00000000 0 0 y",
        "",
    })
    void rejectsMalformedLines(String line) {
        assertThrows(IllegalArgumentException.class, () -> NetIpSocket.summarize(TCP_HEADER + line + "\n"));
    }
}
