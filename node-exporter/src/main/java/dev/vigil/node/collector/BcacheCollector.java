package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Unsigned;
import dev.vigil.node.sysfs.Bcache;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * bcache statistics from {@code /sys/fs/bcache/<uuid>/}: per cache set its btree and journal
 * state, per backing device its dirty data, writeback controller and lifetime hit counters, per
 * cache device its writes and errors (and, with {@code --collector.bcache.priorityStats}, the
 * costly-to-read {@code priority_stats}). Attribute files that do not exist count as zero.
 */
public final class BcacheCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    /** A gauge or counter read from one attribute file under the cache set, backing or cache device. */
    private record Attribute(Desc desc, String path, double scale) {
    }

    private static final String[] UUID = {"uuid"};
    private static final String[] BACKING = {"uuid", "backing_device"};
    private static final String[] CACHE = {"uuid", "cache_device"};

    private static final List<Attribute> SET = List.of(
            gauge("average_key_size_sectors", "Average data per key in the btree (sectors).", "average_key_size",
                    UUID),
            gauge("btree_cache_size_bytes", "Amount of memory currently used by the btree cache.", "btree_cache_size",
                    UUID),
            gauge("cache_available_percent", "Percentage of cache device without dirty data, usable for writeback "
                    + "(may contain clean cached data).", "cache_available_percent", UUID),
            gauge("congested", "Congestion.", "congested", UUID),
            gauge("root_usage_percent", "Percentage of the root btree node in use (tree depth increases if too "
                    + "high).", "root_usage_percent", UUID),
            gauge("tree_depth", "Depth of the btree.", "tree_depth", UUID),
            gauge("active_journal_entries", "Number of journal entries that are newer than the index.",
                    "internal/active_journal_entries", UUID),
            gauge("btree_nodes", "Total nodes in the btree.", "internal/btree_nodes", UUID),
            // procfs reads the microseconds as nanoseconds; node_exporter scales by 1e-9.
            new Attribute(Desc.gauge("node_bcache_btree_read_average_duration_seconds",
                    "Average btree read duration.", UUID), "internal/btree_read_average_duration_us", 1e-9),
            counter("cache_read_races_total", "Counts instances where while data was being read from the cache, the "
                    + "bucket was reused and invalidated - i.e. where the pointer was stale after the read "
                    + "completed.", "internal/cache_read_races", UUID));

    private static final List<Attribute> BACKING_TOTALS = List.of(
            counter("bypassed_bytes_total", "Amount of IO (both reads and writes) that has bypassed the cache.",
                    "stats_total/bypassed", BACKING),
            counter("cache_hits_total", "Hits counted per individual IO as bcache sees them.",
                    "stats_total/cache_hits", BACKING),
            counter("cache_misses_total", "Misses counted per individual IO as bcache sees them.",
                    "stats_total/cache_misses", BACKING),
            counter("cache_bypass_hits_total", "Hits for IO intended to skip the cache.",
                    "stats_total/cache_bypass_hits", BACKING),
            counter("cache_bypass_misses_total", "Misses for IO intended to skip the cache.",
                    "stats_total/cache_bypass_misses", BACKING),
            counter("cache_miss_collisions_total", "Instances where data insertion from cache miss raced with write "
                    + "(data already present).", "stats_total/cache_miss_collisions", BACKING),
            counter("cache_readaheads_total", "Count of times readahead occurred.", "stats_total/cache_readaheads",
                    BACKING));

    /** Read by procfs for each cache set and backing device, though not reported: a bad value still fails. */
    private static final List<String> PERIOD_FILES = List.of("bypassed", "cache_hits", "cache_bypass_hits",
            "cache_bypass_misses", "cache_miss_collisions", "cache_misses", "cache_readaheads");

    private static final Desc DIRTY_DATA = desc("dirty_data_bytes",
            "Amount of dirty data for this backing device in the cache.", BACKING);
    private static final Desc DIRTY_TARGET = desc("dirty_target_bytes",
            "Current dirty data target threshold for this backing device in bytes.", BACKING);
    private static final Desc WRITEBACK_RATE = desc("writeback_rate",
            "Current writeback rate for this backing device in bytes.", BACKING);
    private static final Desc PROPORTIONAL = desc("writeback_rate_proportional_term",
            "Current result of proportional controller, part of writeback rate", BACKING);
    private static final Desc INTEGRAL = desc("writeback_rate_integral_term",
            "Current result of integral controller, part of writeback rate", BACKING);
    private static final Desc CHANGE = desc("writeback_change",
            "Last writeback rate change step for this backing device.", BACKING);

    private static final List<Attribute> CACHE_DEVICE = List.of(
            gauge("io_errors", "Number of errors that have occurred, decayed by io_error_halflife.", "io_errors",
                    CACHE),
            counter("metadata_written_bytes_total", "Sum of all non data writes (btree writes and all other "
                    + "metadata).", "metadata_written", CACHE),
            counter("written_bytes_total", "Sum of all data that has been written to the cache.", "written", CACHE));
    private static final Desc PRIORITY_UNUSED = desc("priority_stats_unused_percent",
            "The percentage of the cache that doesn't contain any data.", CACHE);
    private static final Desc PRIORITY_METADATA = desc("priority_stats_metadata_percent",
            "Bcache's metadata overhead.", CACHE);

    private final HostPaths paths;
    private final boolean priorityStats;

    public BcacheCollector(HostPaths paths, boolean priorityStats) {
        this.paths = paths;
        this.priorityStats = priorityStats;
    }

    @Override
    public String name() {
        return "bcache";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path root = paths.sys("fs", "bcache");
        for (String uuid : KernelFiles.list(root)) {
            if (uuid.indexOf('-') < 0) {
                continue;
            }
            Path set = root.resolve(uuid);
            try {
                cacheSet(sink, uuid, set);
            } catch (IllegalArgumentException e) {
                throw new IOException("failed to retrieve bcache stats: " + set + ": " + e.getMessage(), e);
            }
        }
    }

    private void cacheSet(MetricSink sink, String uuid, Path set) throws IOException {
        double[] values = new double[SET.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(set.resolve(SET.get(i).path())) * SET.get(i).scale();
        }
        checkPeriodFiles(set.resolve("stats_five_minute"));
        checkPeriodFiles(set.resolve("stats_total"));
        List<String> entries = KernelFiles.list(set);
        // Read everything first: procfs fails the whole cache set if any of it is malformed.
        List<String> backing = entries.stream().filter(name -> matches(name, "bdev")).toList();
        List<String> caches = entries.stream().filter(name -> matches(name, "cache")).toList();
        double[][] backingValues = new double[backing.size()][];
        for (int b = 0; b < backing.size(); b++) {
            backingValues[b] = backingDevice(set.resolve(backing.get(b)));
        }
        double[][] cacheValues = new double[caches.size()][];
        for (int c = 0; c < caches.size(); c++) {
            cacheValues[c] = cacheDevice(set.resolve(caches.get(c)));
        }

        for (int i = 0; i < values.length; i++) {
            sink.add(SET.get(i).desc(), values[i], uuid);
        }
        for (int b = 0; b < backing.size(); b++) {
            double[] v = backingValues[b];
            String name = backing.get(b);
            sink.add(DIRTY_DATA, v[0], uuid, name);
            sink.add(DIRTY_TARGET, v[1], uuid, name);
            sink.add(WRITEBACK_RATE, v[2], uuid, name);
            sink.add(PROPORTIONAL, v[3], uuid, name);
            sink.add(INTEGRAL, v[4], uuid, name);
            sink.add(CHANGE, v[5], uuid, name);
            for (int i = 0; i < BACKING_TOTALS.size(); i++) {
                sink.add(BACKING_TOTALS.get(i).desc(), v[6 + i], uuid, name);
            }
        }
        for (int c = 0; c < caches.size(); c++) {
            double[] v = cacheValues[c];
            String name = caches.get(c);
            for (int i = 0; i < CACHE_DEVICE.size(); i++) {
                sink.add(CACHE_DEVICE.get(i).desc(), v[i], uuid, name);
            }
            if (priorityStats) {
                sink.add(PRIORITY_UNUSED, v[3], uuid, name);
                sink.add(PRIORITY_METADATA, v[4], uuid, name);
            }
        }
    }

    /** dirty data, target, rate, proportional, integral, change, then the lifetime counters. */
    private double[] backingDevice(Path dir) throws IOException {
        double[] values = new double[6 + BACKING_TOTALS.size()];
        values[0] = read(dir.resolve("dirty_data"));
        Path debugFile = dir.resolve("writeback_rate_debug");
        Bcache.WritebackRateDebug debug = Bcache.writebackRateDebug(readRequired(debugFile));
        values[1] = Unsigned.toDouble(debug.target());
        values[2] = Unsigned.toDouble(debug.rate());
        values[3] = debug.proportional();
        values[4] = debug.integral();
        values[5] = debug.change();
        checkPeriodFiles(dir.resolve("stats_five_minute"));
        for (int i = 0; i < BACKING_TOTALS.size(); i++) {
            values[6 + i] = read(dir.resolve(BACKING_TOTALS.get(i).path()));
        }
        return values;
    }

    /** io errors, metadata written, written, then the two priority percentages. */
    private double[] cacheDevice(Path dir) throws IOException {
        double[] values = new double[5];
        for (int i = 0; i < CACHE_DEVICE.size(); i++) {
            values[i] = read(dir.resolve(CACHE_DEVICE.get(i).path()));
        }
        if (priorityStats) {
            Bcache.PriorityStats stats = Bcache.priorityStats(readRequired(dir.resolve("priority_stats")));
            values[3] = Unsigned.toDouble(stats.unusedPercent());
            values[4] = Unsigned.toDouble(stats.metadataPercent());
        }
        return values;
    }

    private static void checkPeriodFiles(Path dir) throws IOException {
        for (String file : PERIOD_FILES) {
            read(dir.resolve(file));
        }
    }

    /** An attribute's value; a missing file reads as zero. */
    private static double read(Path file) throws IOException {
        try {
            return Unsigned.toDouble(Bcache.attribute(KernelFiles.read(file)));
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static String readRequired(Path file) throws IOException {
        try {
            return KernelFiles.read(file);
        } catch (IOException e) {
            throw new IOException("failed to read: " + file, e);
        }
    }

    /** {@code prefix} followed by a digit, as procfs's {@code bdev[0-9]*} and {@code cache[0-9]*} globs. */
    private static boolean matches(String name, String prefix) {
        return name.length() > prefix.length() && name.startsWith(prefix)
                && Character.isDigit(name.charAt(prefix.length()));
    }

    private static Desc desc(String name, String help, String[] labels) {
        return Desc.gauge("node_bcache_" + name, help, labels);
    }

    private static Attribute gauge(String name, String help, String path, String[] labels) {
        return new Attribute(Desc.gauge("node_bcache_" + name, help, labels), path, 1);
    }

    private static Attribute counter(String name, String help, String path, String[] labels) {
        return new Attribute(Desc.counter("node_bcache_" + name, help, labels), path, 1);
    }

    /** The {@code --collector.bcache.priorityStats} flag. */
    private static final class Factory implements CollectorFactory {
        private static final String PRIORITY_STATS = "collector.bcache.priorityStats";

        @Override
        public String name() {
            return "bcache";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.bool(PRIORITY_STATS, "Expose expensive priority stats.", false);
        }

        @Override
        public Collector create(CollectorContext context) {
            return new BcacheCollector(context.paths(), (Boolean) context.flags().lookup(PRIORITY_STATS).get());
        }
    }
}
