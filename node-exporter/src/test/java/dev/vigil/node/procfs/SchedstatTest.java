package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedstatTest {

    /** Version 15 (Linux 4.x-5.x) with domain lines, arm64 with 4 CPUs. */
    static final String V15 = """
            version 15
            timestamp 4297299139
            cpu0 0 0 0 0 0 0 2523045934 471474224 62917
            domain0 00000003 47326 46620 425 709528 278 0 6 46614 1522 1492 24 40381 6 0 0 1492 45231
            domain1 0000000f 12108 11991 103 187330 14 0 0 11991 401 397 2 8125 2 0 0 397 11650 11456
            cpu1 0 0 0 0 0 0 2678455117 400613069 70122
            cpu2 0 0 0 0 0 0 18446744073709551615 1 2
            cpu3 0 0 0 0 0 0 5 6
            """;

    @Test
    void readsCpuLinesOnly() {
        assertEquals(List.of(
                new Schedstat.Cpu("0", 2523045934.0, 471474224, 62917),
                new Schedstat.Cpu("1", 2678455117.0, 400613069, 70122),
                new Schedstat.Cpu("2", 18446744073709551615.0, 1, 2)), Schedstat.parse(V15));
    }

    @Test
    void readsTheFixture() {
        assertEquals(2, Schedstat.parse(Fixtures.read("proc/schedstat")).size());
    }

    @Test
    void skipsMalformedLines() {
        assertEquals(List.of(new Schedstat.Cpu("9", 7, 8, 9)), Schedstat.parse("""
                cpu0 0 0 0 0 0 0 x 1 2
                cpu1 0 0 0 0 0 0 99999999999999999999 1 2
                cpuA 0 0 0 0 0 0 1 1 2
                cpu 0 0 0 0 0 0 1 1 2

                cpu9 1 2 3 4 5 6 7 8 9 10 11
                """));
        assertEquals(List.of(), Schedstat.parse(""));
    }
}
