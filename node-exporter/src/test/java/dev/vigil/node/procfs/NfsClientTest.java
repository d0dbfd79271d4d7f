package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NfsClientTest {

    @Test
    void kernel515WithoutProc2() {
        NfsClient stats = NfsClient.parse(Fixtures.read("proc/net/rpc/nfs"));
        assertArrayEquals(new long[] {70, 70, 69, 45}, stats.network());
        assertArrayEquals(new long[] {1218785755, 374636, 1218815394}, stats.rpc());
        assertArrayEquals(new long[18], stats.v2(), "no proc2 line: all zero");
        assertEquals(1098, stats.v3()[NfsClient.V3_PROCEDURES.indexOf("GetAttr")]);
        assertEquals(48, stats.v3()[NfsClient.V3_PROCEDURES.indexOf("Commit")]);
        assertEquals(12354, stats.v4()[NfsClient.V4_PROCEDURES.indexOf("Sequence")]);
        assertEquals(59, stats.v4().length, "the 69 values of 5.15 are cut to what procfs names");
    }

    @Test
    void kernel310WithShortProc4() {
        // RHEL 7: proc2 is there, proc4 has 48 procedures and is padded with zeros.
        NfsClient stats = NfsClient.parse("""
                net 18628 0 18628 6
                rpc 4329785 0 4338291
                proc2 18 2 69 0 0 4410 0 0 0 0 0 0 0 0 0 0 0 99 2
                proc3 22 1 4084749 29200 94754 32580 186 47747 7840 4528 4 1 0 1 0 0 0 0 14 0 2 1 4
                proc4 48 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 7
                """);
        assertEquals(2, stats.v2()[0]);
        assertEquals(4410, stats.v2()[NfsClient.V2_PROCEDURES.indexOf("Lookup")]);
        assertEquals(1, stats.v4()[0]);
        assertEquals(7, stats.v4()[47], "the 48th procedure");
        assertEquals(0, stats.v4()[58]);
    }

    @Test
    void emptyFileIsAllZero() {
        NfsClient stats = NfsClient.parse("");
        assertArrayEquals(new long[4], stats.network());
        assertArrayEquals(new long[59], stats.v4());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "net 1 2 3\n",
        "rpc 1 2 3 4\n",
        "proc3 22 1 2\n",
        "proc2 3 1 2 3\n",
        "proc4 3 1 2\n",
        "xprt 1 2 3\n",
        "net\n",
        "\n",
        "net 1 2 x 4\n",
        "net 1 2 -3 4\n",
    })
    void malformedOrUnknownLinesFail(String text) {
        assertThrows(IllegalArgumentException.class, () -> NfsClient.parse(text));
    }
}
