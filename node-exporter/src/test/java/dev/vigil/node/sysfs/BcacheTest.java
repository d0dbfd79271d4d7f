package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.node.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BcacheTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "4096, 4096",
        "1.5k, 1524",
        "13.8M, 14450688",
        "1.1G, 1178599424",
        "512k, 524288",
        "2.0T, 2199023255552",
        "7X, 0",
    })
    void dehumanizeReadsTheDigitAfterThePointIn1024ths(String text, long expected) {
        assertEquals(expected, Bcache.dehumanize(text));
    }

    @Test
    void signedValues() {
        assertEquals(-12588, Bcache.dehumanizeSigned("-12.3k"));
        assertEquals(-2711552, Bcache.dehumanizeSigned("-2.6M"));
        assertEquals(0, Bcache.dehumanizeSigned("0.0k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "1.xk", "12%"})
    void malformedSizesFail(String text) {
        assertThrows(IllegalArgumentException.class, () -> Bcache.dehumanize(text));
    }

    @Test
    void attributeDropsTheNewline() {
        assertEquals(100, Bcache.attribute("100\n"));
        assertEquals(10, Bcache.attribute("100"), "the last character goes whatever it is");
        assertThrows(IllegalArgumentException.class, () -> Bcache.attribute(""));
        assertThrows(IllegalArgumentException.class, () -> Bcache.attribute("\n"));
    }

    @Test
    void writebackRateDebug() {
        Bcache.WritebackRateDebug debug = Bcache.writebackRateDebug(Fixtures.read(
                "sys/fs/bcache/deaddd54-c735-46d5-868e-f331c5fd7c74/bdev0/writeback_rate_debug"));
        assertEquals(new Bcache.WritebackRateDebug(1150976, 1178599424, 16420700160L, -2711552, 0, -12588, -3),
                debug);
    }

    @Test
    void writebackRateDebugOfOlderKernels() {
        // 3.x kernels: no "change" or "next io" lines, and an extra "derivative".
        Bcache.WritebackRateDebug debug = Bcache.writebackRateDebug(
                "rate:\t\t512/sec\ndirty:\t\t0.0k\ntarget:\t\t1.4G\nproportional:\t-4.1M\nderivative:\t0.0k\n");
        assertEquals(new Bcache.WritebackRateDebug(512, 0, 1493172224, -4296704, 0, 0, 0), debug);
        assertThrows(IllegalArgumentException.class, () -> Bcache.writebackRateDebug("next io:\tsoon\n"));
    }

    @Test
    void priorityStats() {
        assertEquals(new Bcache.PriorityStats(99, 1), Bcache.priorityStats(Fixtures.read(
                "sys/fs/bcache/deaddd54-c735-46d5-868e-f331c5fd7c74/cache0/priority_stats")));
        assertEquals(new Bcache.PriorityStats(0, 0), Bcache.priorityStats(""));
        assertThrows(IllegalArgumentException.class, () -> Bcache.priorityStats("Unused:\t-1%\n"));
    }
}
