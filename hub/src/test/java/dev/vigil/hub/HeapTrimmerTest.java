package dev.vigil.hub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapTrimmerTest {
    private static final long MIB = 1 << 20;

    @Test
    void trimsOnlyWhenTheSpareIsBothLargeAndMoreThanHalfTheLiveSet() {
        assertTrue(HeapTrimmer.worthTrimming(338 * MIB, 136 * MIB), "the fleet run's old generation");
        assertFalse(HeapTrimmer.worthTrimming(190 * MIB, 136 * MIB), "within MaxHeapFreeRatio's reach");
        assertFalse(HeapTrimmer.worthTrimming(60 * MIB, 10 * MIB), "a small heap is left alone");
        assertFalse(HeapTrimmer.worthTrimming(100 * MIB, 120 * MIB), "grown since the last collection");
    }

    @Test
    void withoutAnOldGenerationItDoesNothing() {
        int[] collections = {0};
        new HeapTrimmer(null, () -> collections[0]++, System::nanoTime).run();
        assertTrue(collections[0] == 0, "no old generation found: nothing to do");
    }
}
