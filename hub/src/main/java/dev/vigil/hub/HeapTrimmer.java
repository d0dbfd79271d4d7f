package dev.vigil.hub;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.function.LongSupplier;

/**
 * Gives heap back when the old generation holds much more than it keeps alive. Series are created
 * in bursts (a new fleet, a restart), and the garbage of a burst promoted alongside them grows the
 * old generation to about twice the live set; with SerialGC nothing shrinks it again until the next
 * full collection, which a steady hub may not need for hours. Checked every few minutes: when the
 * old generation's committed size exceeds its size after the last collection by more than half
 * (and 64 MiB), one full collection lets the collector shrink it to its free-ratio bounds
 * ({@code MaxHeapFreeRatio}), as Go's scavenger returns a Go heap's spare memory. The pause is that
 * of one full collection (a few hundred ms at 200k series), at most once per check.
 */
final class HeapTrimmer implements Runnable {
    private static final long MIN_SPARE = 64L << 20;

    private final MemoryPoolMXBean oldGen;
    private final Runnable collect;
    private final LongSupplier now;

    HeapTrimmer() {
        this(oldGeneration(), System::gc, System::nanoTime);
    }

    HeapTrimmer(MemoryPoolMXBean oldGen, Runnable collect, LongSupplier now) {
        this.oldGen = oldGen;
        this.collect = collect;
        this.now = now;
    }

    /** The heap pool that survives collections longest (tenured, old gen), or null. */
    private static MemoryPoolMXBean oldGeneration() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                    && (name.contains("Old") || name.contains("Tenured"))) {
                return pool;
            }
        }
        return null;
    }

    /** Whether a pool of {@code committed} bytes that held {@code live} after its last collection should be trimmed. */
    static boolean worthTrimming(long committed, long live) {
        long spare = committed - live;
        return spare > MIN_SPARE && spare > live / 2;
    }

    @Override
    public void run() {
        if (oldGen == null) {
            return;
        }
        MemoryUsage afterLastGc = oldGen.getCollectionUsage();
        MemoryUsage current = oldGen.getUsage();
        if (afterLastGc == null || current == null) {
            return;
        }
        // live: what the last collection kept. What was promoted since is mostly garbage on a steady
        // hub (chunk buffers that left the heap for chunks_head, scrape buffers): counting it as live
        // let the old generation fill up to its maximum with it (a 20k samples/s soak: 450 MiB
        // tenured for 166 MiB live). If the live set did grow, one collection says so and the next
        // check leaves it alone. Before any old collection, what is used now is all there is to go by.
        long kept = afterLastGc.getUsed();
        long live = kept > 0 ? kept : current.getUsed();
        if (worthTrimming(current.getCommitted(), live)) {
            long start = now.getAsLong();
            collect.run();
            long ms = (now.getAsLong() - start) / 1_000_000;
            HubMain.logTrim(current.getCommitted(), oldGen.getUsage().getCommitted(), ms);
        }
    }
}
