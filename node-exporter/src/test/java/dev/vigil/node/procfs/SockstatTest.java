package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SockstatTest {

    @Test
    void parsesTheIpv4File() {
        Sockstat stat = Sockstat.parse("""
                sockets: used 229
                TCP: inuse 4 orphan 0 tw 4 alloc 17 mem 1
                UDP: inuse 0 mem 0
                UDPLITE: inuse 0
                RAW: inuse 0
                FRAG: inuse 0 memory 0
                """);
        assertEquals(229L, stat.used());
        assertEquals(List.of(
                new Sockstat.Protocol("TCP", 4, 0L, 4L, 17L, 1L, null),
                new Sockstat.Protocol("UDP", 0, null, null, null, 0L, null),
                new Sockstat.Protocol("UDPLITE", 0, null, null, null, null, null),
                new Sockstat.Protocol("RAW", 0, null, null, null, null, null),
                new Sockstat.Protocol("FRAG", 0, null, null, null, null, 0L)), stat.protocols());
    }

    @Test
    void parsesTheIpv6FileWhichHasNoSocketsLine() {
        Sockstat stat = Sockstat.parse("TCP6: inuse 88\nUDP6: inuse 9\nUDPLITE6: inuse 0\nRAW6: inuse 2\nFRAG6: inuse 0 memory 0\n");
        assertNull(stat.used());
        assertEquals(5, stat.protocols().size());
        assertEquals(new Sockstat.Protocol("RAW6", 2, null, null, null, null, null), stat.protocols().get(3));
    }

    @Test
    void unknownKeysAreSkippedAndAMissingInuseIsZero() {
        Sockstat stat = Sockstat.parse("SCTP: assocs 3 endpoints 2\n");
        assertEquals(List.of(new Sockstat.Protocol("SCTP", 0, null, null, null, null, null)), stat.protocols());
    }

    @Test
    void integersAreReadAsGoReadsThem() {
        Sockstat stat = Sockstat.parse("sockets: used 0x10\nTCP: inuse 010 tw -1 alloc 1_000\n");
        assertEquals(16L, stat.used());
        assertEquals(new Sockstat.Protocol("TCP", 8, null, -1L, 1000L, null, null), stat.protocols().get(0));
        assertEquals(5, Sockstat.parseGoInt("0b101"));
        assertEquals(0, Sockstat.parseGoInt("0"));
    }

    @Test
    void anEmptyFileHasNothing() {
        assertEquals(new Sockstat(null, List.of()), Sockstat.parse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP: inuse\n", "TCP:  inuse 2\n", "TCP: inuse x\n", "sockets: used 5\n\n", "TCP: inuse 1 tw\n",
        "TCP: inuse _1\n", "TCP: inuse 0x\n"})
    void rejectsMalformedLines(String text) {
        assertThrows(IllegalArgumentException.class, () -> Sockstat.parse(text));
    }
}
