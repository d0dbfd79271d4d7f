package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NfsServerTest {

    @Test
    void kernel54() {
        NfsServer stats = NfsServer.parse(Fixtures.read("proc/net/rpc/nfsd"));
        assertArrayEquals(new long[] {0, 6, 18622}, stats.replyCache());
        assertArrayEquals(new long[] {157286400, 72864}, stats.io());
        assertArrayEquals(new long[] {8, 0}, stats.threads(), "the histogram after them is ignored");
        assertEquals(32, stats.readAhead()[0]);
        assertArrayEquals(new long[] {18628, 0, 18628, 6}, stats.network());
        assertEquals(4410, stats.v2()[NfsClient.V2_PROCEDURES.indexOf("Lookup")]);
        assertArrayEquals(new long[] {2, 10853}, stats.v4());
        assertEquals(9609, stats.v4Ops()[NfsServer.V4_OPERATIONS.indexOf("PutFH")]);
        assertEquals(1236, stats.v4Ops()[NfsServer.V4_OPERATIONS.indexOf("Renew")]);
    }

    @Test
    void kernel6WithoutReadAheadLine() {
        // 5.9 dropped the read-ahead cache line; the th histogram is gone too.
        StringBuilder ops = new StringBuilder("proc4ops 76");
        for (int i = 0; i < 76; i++) {
            ops.append(' ').append(i);
        }
        NfsServer stats = NfsServer.parse("""
                rc 0 0 0
                fh 0 0 0 0 0
                io 0 0
                th 16 0
                net 0 0 0 0
                rpc 0 0 0 0 0
                proc3 22 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                proc4 2 0 0
                """ + ops + "\n");
        assertEquals(16, stats.threads()[0]);
        assertArrayEquals(new long[12], stats.readAhead());
        assertEquals(37, stats.v4Ops()[37], "operations past RelLockOwner are ignored");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "th 8\n",
        "rc 1 2\n",
        "proc4 3 1 2 3\n",
        "proc4ops 2 1 2\n",
        "wdeleg_getattr 0\n",
        "io 1 x\n",
    })
    void malformedOrUnknownLinesFail(String text) {
        assertThrows(IllegalArgumentException.class, () -> NfsServer.parse(text));
    }
}
