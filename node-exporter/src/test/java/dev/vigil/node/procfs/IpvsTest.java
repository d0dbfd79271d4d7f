package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpvsTest {

    @Test
    void readsTheTotals() {
        assertEquals(new Ipvs.Stats(0x16AA370, 0xE33656E5L, 0, 0x51D8C8883AB3L, 0), Ipvs.parseStats("""
                   Total Incoming Outgoing         Incoming         Outgoing
                   Conns  Packets  Packets            Bytes            Bytes
                 16AA370 E33656E5        0     51D8C8883AB3                0

                 Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s
                       4    1FB3C        0          1282A8F                0
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {"   Total\n   Conns\n", "a\nb\n 1 2 3 4\n\n", "a\nb\n 1 2 3 4 zz\n\n"})
    void rejectsBrokenTotals(String text) {
        assertThrows(IllegalArgumentException.class, () -> Ipvs.parseStats(text));
    }

    @Test
    void readsServicesAndTheirServers() {
        List<Ipvs.Backend> backends = Ipvs.parseBackends("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port Forward Weight ActiveConn InActConn
                TCP  C0A80016:0CEA wlc
                  -> C0A85216:0CEA      Tunnel  100    248        2
                TCP  [2620:0000:0000:0000:0000:0000:0000:0001]:0050 sh
                  -> [2620:0000:0000:0000:0000:0000:0000:0002]:0050      Route   1      0          0
                UDP  0A000001:0035 rr
                  -> [0000:0000:0000:0000:0000:ffff:0a00:0002]:0035      Masq    5      0          3
                FWM  10001000 wlc
                  -> C0A8321A:0CEA      Route   0      0          1
                SCTP 0A000002:0050 rr
                  -> 0A000005:0050      Masq    7      1          1
                  -> 0A000006:0050      Masq
                """);
        assertEquals(List.of(
                new Ipvs.Backend("192.168.0.22", 3306, "", "192.168.82.22", 3306, "TCP", 100, 248, 2),
                new Ipvs.Backend("2620::1", 80, "", "2620::2", 80, "TCP", 1, 0, 0),
                new Ipvs.Backend("10.0.0.1", 53, "", "10.0.0.2", 53, "UDP", 5, 0, 3),
                new Ipvs.Backend("", 0, "10001000", "192.168.50.26", 3306, "FWM", 0, 0, 1),
                new Ipvs.Backend("", 0, "10001000", "10.0.0.5", 80, "FWM", 7, 1, 1)), backends);
    }

    @Test
    void anEmptyTableHasNoServers() {
        assertEquals(List.of(), Ipvs.parseBackends("IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP  C0A8001:0CEA wlc\n", "TCP  C0A80016:0CEA wlc\n  -> C0A8521:0CEA Tunnel 1 2 3\n",
        "TCP  C0A80016:0CEA wlc\n  -> C0A85216:0CEA Tunnel x 2 3\n", "TCP  ZZA80016:0CEA wlc\n",
        "TCP  [2620:0000:0000:0000:0000:0000:0000:000g]:0050 sh\n", "TCP  C0A80016:0CEZ wlc\n"})
    void rejectsBrokenAddressesAndNumbers(String text) {
        assertThrows(IllegalArgumentException.class, () -> Ipvs.parseBackends(text));
    }
}
