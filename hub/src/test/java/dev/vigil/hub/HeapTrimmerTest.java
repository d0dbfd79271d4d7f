package dev.vigil.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;
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

    /** An old generation whose usage now and after its last collection are given. */
    private static MemoryPoolMXBean oldGen(long usedNow, long committed, long keptByLastGc) {
        return (MemoryPoolMXBean) Proxy.newProxyInstance(HeapTrimmerTest.class.getClassLoader(),
                new Class<?>[] {MemoryPoolMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUsage" -> new MemoryUsage(0, usedNow, committed, 1024 * MIB);
                    case "getCollectionUsage" -> new MemoryUsage(0, keptByLastGc, committed, 1024 * MIB);
                    case "getName" -> "Tenured Gen";
                    default -> throw new AssertionError("the trimmer is not expected to call " + method.getName());
                });
    }

    private static int collectionsFor(MemoryPoolMXBean oldGen) {
        int[] collections = {0};
        new HeapTrimmer(oldGen, () -> collections[0]++, System::nanoTime).run();
        return collections[0];
    }

    @Test
    void garbagePromotedSinceTheLastCollectionIsNotTakenForLiveData() {
        // the soak's old generation: full of chunk buffers that had left for chunks_head
        assertEquals(1, collectionsFor(oldGen(448 * MIB, 448 * MIB, 166 * MIB)));
        // just after a collection shrank it to its free-ratio bound: nothing to give back
        assertEquals(0, collectionsFor(oldGen(200 * MIB, 237 * MIB, 166 * MIB)));
        // no old collection yet: what is used now is the live set
        assertEquals(0, collectionsFor(oldGen(300 * MIB, 320 * MIB, 0)));
        assertEquals(1, collectionsFor(oldGen(100 * MIB, 320 * MIB, 0)));
    }
}
