package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetStatTest {

    @Test
    void pairsNameAndValueLines() {
        Map<String, Map<String, Double>> stats = NetStat.parsePairs("""
                Ip: Forwarding DefaultTTL InReceives
                Ip: 2 64 2909
                Tcp: RtoAlgorithm RtoMin MaxConn CurrEstab
                Tcp: 1 200 -1 3
                """);
        assertEquals(List.of("Ip", "Tcp"), List.copyOf(stats.keySet()));
        assertEquals(Map.of("Forwarding", 2.0, "DefaultTTL", 64.0, "InReceives", 2909.0), stats.get("Ip"));
        assertEquals(-1.0, stats.get("Tcp").get("MaxConn"));
    }

    @Test
    void readsTheWholeNetstatFileOfLinux6() {
        Map<String, Map<String, Double>> stats = NetStat.parsePairs("""
                TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts PruneCalled TCPTimeouts
                TcpExt: 0 0 0 1 0 3
                IpExt: InNoRoutes InTruncatedPkts InOctets OutOctets
                IpExt: 0 0 156649096 99222751
                MPTcpExt: MPCapableSYNRX MPCapableSYNTX
                MPTcpExt: 0 0
                """);
        assertEquals(List.of("TcpExt", "IpExt", "MPTcpExt"), List.copyOf(stats.keySet()));
        assertEquals(1.56649096E8, stats.get("IpExt").get("InOctets"));
    }

    @Test
    void splitsSnmp6NamesAfterTheirFirstSix() {
        Map<String, Map<String, Double>> stats = NetStat.parseSnmp6("""
                Ip6InReceives                   	12
                Icmp6InType134                  	2
                Icmp6OutMsgs                    	11
                Udp6InDatagrams                 	0
                UdpLite6InErrors                	0
                nonsense
                TcpInSegs 4

                """);
        assertEquals(Map.of("InReceives", 12.0), stats.get("Ip6"));
        assertEquals(Map.of("InType134", 2.0, "OutMsgs", 11.0), stats.get("Icmp6"));
        assertEquals(Map.of("InErrors", 0.0), stats.get("UdpLite6"));
        assertEquals(4, stats.size());
    }

    @Test
    void emptyFilesHaveNoProtocols() {
        assertEquals(Map.of(), NetStat.parsePairs(""));
        assertEquals(Map.of(), NetStat.parseSnmp6(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ip: Forwarding DefaultTTL\nIp: 1 64 3\n", "Ip: Forwarding DefaultTTL\nIp: 1 x\n",
        "TcpExt: SyncookiesSent\n", "\nIp: 1\n", "Ip: Forwarding DefaultTTL \nIp: 1 64\n"})
    void rejectsMismatchedOrNonNumericPairs(String text) {
        assertThrows(IllegalArgumentException.class, () -> NetStat.parsePairs(text));
    }

    @Test
    void rejectsNonNumericSnmp6Values() {
        assertThrows(IllegalArgumentException.class, () -> NetStat.parseSnmp6("Ip6InReceives abc\n"));
    }
}
