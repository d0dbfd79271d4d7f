package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfiniBandTest {

    @ParameterizedTest
    @CsvSource({"'4: ACTIVE\n', 4, ACTIVE", "'1: DOWN', 1, DOWN", "'5: LinkUp\n', 5, LinkUp", "' 3 :  Disabled ', 3, Disabled",
        "'0: NOP', 0, NOP"})
    void parsesStates(String text, long id, String name) {
        assertEquals(new InfiniBand.State(id, name), InfiniBand.parseState(text));
    }

    @ParameterizedTest
    @CsvSource({"'ACTIVE'", "'4: ACTIVE: x'", "'x: ACTIVE'", "'-1: ACTIVE'", "'4294967296: BIG'"})
    void rejectsMalformedStates(String text) {
        assertThrows(IllegalArgumentException.class, () -> InfiniBand.parseState(text));
    }

    /** Rates as mlx4, mlx5, qib and hfi1 drivers print them. */
    @ParameterizedTest
    @CsvSource({
        "'40 Gb/sec (4X QDR)\n', 5000000000",
        "'10 Gb/sec (4X)', 1250000000",
        "'2.5 Gb/sec (1X SDR)', 312500000",
        "'14.0625 Gb/sec (1X FDR)', 1757812500",
        "'100 Gb/sec (4X EDR)', 12500000000",
        "'200 Gb/sec (4X HDR)', 25000000000",
        "'13.7 Gb/sec (4X)', 1712499976",
    })
    void parsesRatesAtFloat32Precision(String text, long bytesPerSecond) {
        assertEquals(bytesPerSecond, InfiniBand.parseRate(text));
    }

    @ParameterizedTest
    @CsvSource({"'40'", "'fast Gb/sec'", "' 40 Gb/sec'", "''"})
    void rejectsMalformedRates(String text) {
        assertThrows(IllegalArgumentException.class, () -> InfiniBand.parseRate(text));
    }

    @Test
    void readsCountersAndToleratesMissingPerformanceAgents() {
        assertEquals(OptionalLong.of(3599), InfiniBand.parseCounter("3599"));
        assertEquals(OptionalLong.of(16), InfiniBand.parseCounter("0x10"));
        assertEquals(OptionalLong.of(-1L), InfiniBand.parseCounter("18446744073709551615"), "all 64 bits");
        assertEquals(OptionalLong.empty(), InfiniBand.parseCounter("N/A (no PMA)"));
        assertThrows(NumberFormatException.class, () -> InfiniBand.parseCounter("bad"));
        assertThrows(NumberFormatException.class, () -> InfiniBand.parseCounter("-1"));
    }

    @Test
    void multipliesOnlyTheDataCountersByTheFourLanes() {
        assertEquals(4, InfiniBand.COUNTERS.get("port_rcv_data").multiplier());
        assertEquals(4, InfiniBand.LEGACY_COUNTERS.get("port_xmit_data_64").multiplier());
        assertEquals(1, InfiniBand.COUNTERS.get("port_rcv_packets").multiplier());
        assertEquals("vl15_dropped_total", InfiniBand.COUNTERS.get("VL15_dropped").metric());
    }
}
