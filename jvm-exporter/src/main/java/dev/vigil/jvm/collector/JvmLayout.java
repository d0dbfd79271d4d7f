package dev.vigil.jvm.collector;

import dev.vigil.jvm.perfdata.Entry;
import dev.vigil.jvm.perfdata.PerfData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one JVM's counters are in its region, worked out once per index of the region (names and
 * constants do not change), so a scrape reads each value straight from its offset.
 */
final class JvmLayout {
    /** A collector: its MXBean name and its invocation and tick counters. */
    record Collector(String name, Entry invocations, Entry ticks) {
    }

    /**
     * A memory pool: one space, or the survivor pair, whose used sizes add up and whose committed
     * and maximum sizes are the larger of the two (only one survivor holds objects at a time).
     */
    record Pool(String name, List<Entry> used, List<Entry> committed, List<Entry> max) {
    }

    final PerfData data;
    final double ticksPerSecond;
    final HotSpotNames.Family family;
    final List<Collector> collectors = new ArrayList<>();
    final List<Pool> heapPools = new ArrayList<>();
    final List<Pool> nonHeapPools = new ArrayList<>();
    final List<Entry> heapUsed = new ArrayList<>();
    final List<Entry> heapCommitted = new ArrayList<>();
    final List<Entry> heapMax = new ArrayList<>();
    final Entry loaded;
    final Entry sharedLoaded;
    final Entry unloaded;
    final Entry sharedUnloaded;
    final Entry threadsLive;
    final Entry threadsDaemon;
    final Entry threadsPeak;
    final Entry threadsStarted;
    final Entry safepoints;
    final Entry safepointTicks;
    final Entry safepointSyncTicks;
    final Entry compilationTicks;
    final long vmBeginMillis;
    final String vmName;
    final String vmVendor;
    final String vmVersion;

    JvmLayout(PerfData data) {
        this.data = data;
        long frequency = data.longValue("sun.os.hrt.frequency", 0);
        this.ticksPerSecond = frequency > 0 ? frequency : 1e9;
        this.family = HotSpotNames.family(data.stringValue("sun.gc.policy.name"), firstCollectorName(data));
        for (int c = 0; c < 10; c++) {
            String name = data.stringValue("sun.gc.collector." + c + ".name");
            Entry invocations = data.entry("sun.gc.collector." + c + ".invocations");
            Entry time = data.entry("sun.gc.collector." + c + ".time");
            if (name != null && invocations != null && time != null) {
                collectors.add(new Collector(HotSpotNames.collector(name), invocations, time));
            }
        }
        Map<String, Pool> pools = new LinkedHashMap<>();
        for (int g = 0; g < 4; g++) { // single-generation ZGC of JDK 11-22 has only generation 1
            String prefix = "sun.gc.generation." + g;
            if (data.entry(prefix + ".name") == null) {
                continue;
            }
            String generationName = data.stringValue(prefix + ".name");
            add(heapCommitted, data.entry(prefix + ".capacity"));
            add(heapMax, data.entry(prefix + ".maxCapacity"));
            for (int s = 0; data.entry(prefix + ".space." + s + ".name") != null; s++) {
                String space = prefix + ".space." + s;
                String poolName = HotSpotNames.pool(family, g, generationName, data.stringValue(space + ".name"));
                Pool pool = pools.computeIfAbsent(poolName,
                        n -> new Pool(n, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                add(pool.used(), data.entry(space + ".used"));
                add(heapUsed, data.entry(space + ".used"));
                add(pool.committed(), data.entry(space + ".capacity"));
                add(pool.max(), data.entry(space + ".maxCapacity"));
            }
        }
        heapPools.addAll(pools.values());
        nonHeapPool("Metaspace", "sun.gc.metaspace");
        nonHeapPool("Compressed Class Space", "sun.gc.compressedclassspace");
        loaded = data.entry("java.cls.loadedClasses");
        sharedLoaded = data.entry("java.cls.sharedLoadedClasses");
        unloaded = data.entry("java.cls.unloadedClasses");
        sharedUnloaded = data.entry("java.cls.sharedUnloadedClasses");
        threadsLive = data.entry("java.threads.live");
        threadsDaemon = data.entry("java.threads.daemon");
        threadsPeak = data.entry("java.threads.livePeak");
        threadsStarted = data.entry("java.threads.started");
        safepoints = data.entry("sun.rt.safepoints");
        safepointTicks = data.entry("sun.rt.safepointTime");
        safepointSyncTicks = data.entry("sun.rt.safepointSyncTime");
        compilationTicks = data.entry("java.ci.totalTime");
        vmBeginMillis = data.longValue("sun.rt.createVmBeginTime", -1);
        vmName = orEmpty(data.stringValue("java.property.java.vm.name"));
        vmVendor = orEmpty(data.stringValue("java.property.java.vm.vendor"));
        vmVersion = orEmpty(data.stringValue("java.property.java.vm.version"));
    }

    private void nonHeapPool(String name, String prefix) {
        Entry used = data.entry(prefix + ".used");
        if (used != null) {
            Pool pool = new Pool(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            add(pool.used(), used);
            add(pool.committed(), data.entry(prefix + ".capacity"));
            add(pool.max(), data.entry(prefix + ".maxCapacity"));
            nonHeapPools.add(pool);
        }
    }

    private static String firstCollectorName(PerfData data) {
        for (int c = 0; c < 10; c++) {
            String name = data.stringValue("sun.gc.collector." + c + ".name");
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static void add(List<Entry> list, Entry entry) {
        if (entry != null && entry.isLong()) {
            list.add(entry);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The current value, or NaN when the JVM has no such counter. */
    double value(Entry entry) {
        return entry == null || !entry.isLong() ? Double.NaN : data.longValue(entry);
    }

    double seconds(Entry ticks) {
        return value(ticks) / ticksPerSecond;
    }

    double sum(List<Entry> entries) {
        long sum = 0;
        for (Entry entry : entries) {
            sum += data.longValue(entry);
        }
        return entries.isEmpty() ? Double.NaN : sum;
    }

    double largest(List<Entry> entries) {
        long max = Long.MIN_VALUE;
        for (Entry entry : entries) {
            max = Math.max(max, data.longValue(entry));
        }
        return entries.isEmpty() ? Double.NaN : max;
    }

    double heapMaxBytes() {
        return HotSpotNames.generationsShareTheHeap(family) ? largest(heapMax) : sum(heapMax);
    }
}
