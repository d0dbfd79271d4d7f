package dev.vigil.jvm.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.jvm.host.HostJvm;
import dev.vigil.jvm.host.JvmDiscovery;
import dev.vigil.jvm.host.ProcStat;
import dev.vigil.jvm.host.ProcessFiles;
import dev.vigil.jvm.host.Unmonitorable;
import dev.vigil.jvm.perfdata.MalformedPerfDataException;
import dev.vigil.jvm.perfdata.PerfData;
import dev.vigil.model.MetricType;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Host mode's {@code jvm} collector: for each JVM on the host, client_java's {@code jvm_*} families
 * read from its perf data and {@code process_*} read from procfs, plus what only the outside sees
 * (safepoints, uptime, unmonitorable JVMs). Every JVM series carries {@code pid}, {@code main},
 * {@code container} and {@code user} before its own labels.
 *
 * <p>client_java's {@code process_*} facts come as {@code jvm_process_*}: the exporter already
 * exposes its own {@code process_*} (client_java's ProcessMetrics, with units), and the same
 * family cannot hold both.
 */
public final class HostJvmCollector implements Collector {
    private static final Log LOG = Log.get(HostJvmCollector.class);
    private static final String[] JVM = {"pid", "main", "container", "user"};
    private static final String SRC = " (hsperfdata)";

    static final Desc MEMORY_USED = gauge("jvm_memory_used_bytes", "Used bytes of a given JVM memory area" + SRC, "area");
    static final Desc MEMORY_COMMITTED = gauge("jvm_memory_committed_bytes",
            "Committed (bytes) of a given JVM memory area" + SRC, "area");
    static final Desc MEMORY_MAX = gauge("jvm_memory_max_bytes", "Max (bytes) of a given JVM memory area" + SRC, "area");
    static final Desc POOL_USED = gauge("jvm_memory_pool_used_bytes", "Used bytes of a given JVM memory pool" + SRC,
            "pool");
    static final Desc POOL_COMMITTED = gauge("jvm_memory_pool_committed_bytes",
            "Committed bytes of a given JVM memory pool" + SRC, "pool");
    static final Desc POOL_MAX = gauge("jvm_memory_pool_max_bytes", "Max bytes of a given JVM memory pool" + SRC, "pool");
    static final Desc GC = new Desc("jvm_gc_collection_seconds",
            "Time spent in a given JVM garbage collector in seconds" + SRC, MetricType.SUMMARY, List.of(labels("gc")));
    static final Desc CLASSES_LOADED_NOW = gauge("jvm_classes_currently_loaded",
            "The number of classes that are currently loaded in the JVM" + SRC);
    static final Desc CLASSES_LOADED = counter("jvm_classes_loaded_total",
            "The total number of classes that have been loaded since the JVM has started execution" + SRC);
    static final Desc CLASSES_UNLOADED = counter("jvm_classes_unloaded_total",
            "The total number of classes that have been unloaded since the JVM has started execution" + SRC);
    static final Desc THREADS = gauge("jvm_threads_current", "Current thread count of a JVM" + SRC);
    static final Desc THREADS_DAEMON = gauge("jvm_threads_daemon", "Daemon thread count of a JVM" + SRC);
    static final Desc THREADS_PEAK = gauge("jvm_threads_peak", "Peak thread count of a JVM" + SRC);
    static final Desc THREADS_STARTED = counter("jvm_threads_started_total",
            "Started thread count of a JVM" + SRC);
    static final Desc COMPILATION = counter("jvm_compilation_time_seconds_total",
            "The total time in seconds taken for HotSpot class compilation" + SRC);
    static final Desc RUNTIME = gauge("jvm_runtime_info",
            "JVM runtime info (runtime is java.vm.name: perf data has no java.runtime.name)" + SRC, "runtime",
            "vendor", "version");
    static final Desc SAFEPOINTS = counter("jvm_safepoints_total", "Safepoints reached (sun.rt.safepoints)" + SRC);
    static final Desc SAFEPOINT_TIME = counter("jvm_safepoint_time_seconds_total",
            "Time spent at safepoints, threads stopped (sun.rt.safepointTime)" + SRC);
    static final Desc SAFEPOINT_SYNC = counter("jvm_safepoint_sync_time_seconds_total",
            "Time spent bringing threads to safepoints (sun.rt.safepointSyncTime)" + SRC);
    static final Desc START_TIME = gauge("jvm_start_time_seconds",
            "Start time of the JVM since unix epoch in seconds (sun.rt.createVmBeginTime)" + SRC);
    static final Desc UPTIME = gauge("jvm_uptime_seconds", "Time since the JVM started, in seconds" + SRC);
    static final Desc CPU = counter("jvm_process_cpu_seconds_total",
            "Total user and system CPU time spent in seconds (/proc/<pid>/stat)");
    static final Desc RESIDENT = gauge("jvm_process_resident_memory_bytes",
            "Resident memory size in bytes (VmRSS of /proc/<pid>/status)");
    static final Desc OPEN_FDS = gauge("jvm_process_open_fds", "Number of open file descriptors (/proc/<pid>/fd)");
    static final Desc PROCESS_START = gauge("jvm_process_start_time_seconds",
            "Start time of the process since unix epoch in seconds (/proc/<pid>/stat and btime)");
    static final Desc JVMS = Desc.gauge("jvm_host_jvms", "JVMs whose perf data this exporter reads");
    static final Desc UNMONITORABLE = Desc.gauge("jvm_host_unmonitorable",
            "A java process whose perf data cannot be read, with the reason: no_perf_data (-XX:-UsePerfData, "
                    + "-XX:+PerfDisableSharedMem, or its /tmp not visible), permission_denied (run as root or as its "
                    + "user), malformed",
            "pid", "container", "user", "reason");

    private final JvmDiscovery discovery;
    private final ProcessFiles processes;
    private final LongSupplier epochMillis;
    private final Map<HostJvm, JvmLayout> layouts = new IdentityHashMap<>();
    private long bootTimeSeconds = -1;

    public HostJvmCollector(HostPaths paths) {
        this(new JvmDiscovery(paths), new ProcessFiles(paths), System::currentTimeMillis);
    }

    HostJvmCollector(JvmDiscovery discovery, ProcessFiles processes, LongSupplier epochMillis) {
        this.discovery = discovery;
        this.processes = processes;
        this.epochMillis = epochMillis;
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        if (bootTimeSeconds < 0) {
            bootTimeSeconds = processes.bootTimeSeconds();
        }
        JvmDiscovery.Scan scan = discovery.scan();
        Map<HostJvm, JvmLayout> seen = new IdentityHashMap<>();
        int monitored = 0;
        for (JvmDiscovery.Found found : scan.jvms()) {
            HostJvm jvm = found.jvm();
            try {
                PerfData data = jvm.perfData();
                if (!data.accessible()) {
                    continue; // starting up or shutting down: its counters are not meaningful yet (or any more)
                }
                JvmLayout layout = layouts.get(jvm);
                if (layout == null || layout.data != data) {
                    layout = new JvmLayout(data);
                }
                seen.put(jvm, layout);
                String[] labels = {Integer.toString(jvm.pid()), jvm.main(), jvm.container(), jvm.user()};
                emitJvm(sink, layout, labels);
                emitProcess(sink, jvm.pid(), found.stat(), labels);
                monitored++;
            } catch (MalformedPerfDataException e) {
                LOG.debug("JVM region no longer readable", "pid", jvm.pid(), "err", e.getMessage());
            }
        }
        layouts.clear();
        layouts.putAll(seen);
        sink.add(JVMS, monitored);
        for (Unmonitorable u : scan.unmonitorable()) {
            sink.add(UNMONITORABLE, 1, Integer.toString(u.pid()), u.container(), u.user(), u.reason());
        }
    }

    private void emitJvm(MetricSink sink, JvmLayout l, String[] jvm) {
        add(sink, MEMORY_USED, l.sum(l.heapUsed), jvm, "heap");
        add(sink, MEMORY_COMMITTED, l.sum(l.heapCommitted), jvm, "heap");
        add(sink, MEMORY_MAX, l.heapMaxBytes(), jvm, "heap");
        long nonHeapUsed = 0;
        long nonHeapCommitted = 0;
        long nonHeapMax = 0;
        for (JvmLayout.Pool pool : l.nonHeapPools) {
            nonHeapUsed += (long) l.sum(pool.used());
            nonHeapCommitted += (long) l.largest(pool.committed());
            nonHeapMax += (long) l.largest(pool.max());
        }
        if (!l.nonHeapPools.isEmpty()) {
            add(sink, MEMORY_USED, nonHeapUsed, jvm, "nonheap");
            add(sink, MEMORY_COMMITTED, nonHeapCommitted, jvm, "nonheap");
            add(sink, MEMORY_MAX, nonHeapMax, jvm, "nonheap");
        }
        for (List<JvmLayout.Pool> pools : List.of(l.heapPools, l.nonHeapPools)) {
            for (JvmLayout.Pool pool : pools) {
                add(sink, POOL_USED, l.sum(pool.used()), jvm, pool.name());
                add(sink, POOL_COMMITTED, l.largest(pool.committed()), jvm, pool.name());
                add(sink, POOL_MAX, l.largest(pool.max()), jvm, pool.name());
            }
        }
        for (JvmLayout.Collector gc : l.collectors) {
            sink.addSummary(GC, new double[0], new double[0], l.seconds(gc.ticks()), (long) l.value(gc.invocations()),
                    with(jvm, gc.name()));
        }
        double loaded = l.value(l.loaded) + l.value(l.sharedLoaded);
        double unloaded = l.value(l.unloaded) + l.value(l.sharedUnloaded);
        add(sink, CLASSES_LOADED_NOW, loaded - unloaded, jvm);
        add(sink, CLASSES_LOADED, loaded, jvm);
        add(sink, CLASSES_UNLOADED, unloaded, jvm);
        add(sink, THREADS, l.value(l.threadsLive), jvm);
        add(sink, THREADS_DAEMON, l.value(l.threadsDaemon), jvm);
        add(sink, THREADS_PEAK, l.value(l.threadsPeak), jvm);
        add(sink, THREADS_STARTED, l.value(l.threadsStarted), jvm);
        add(sink, COMPILATION, l.seconds(l.compilationTicks), jvm);
        add(sink, SAFEPOINTS, l.value(l.safepoints), jvm);
        add(sink, SAFEPOINT_TIME, l.seconds(l.safepointTicks), jvm);
        add(sink, SAFEPOINT_SYNC, l.seconds(l.safepointSyncTicks), jvm);
        sink.add(RUNTIME, 1, with(jvm, l.vmName, l.vmVendor, l.vmVersion));
        if (l.vmBeginMillis > 0) {
            sink.add(START_TIME, l.vmBeginMillis / 1000.0, jvm);
            sink.add(UPTIME, Math.max(0, epochMillis.getAsLong() - l.vmBeginMillis) / 1000.0, jvm);
        }
    }

    private void emitProcess(MetricSink sink, int pid, ProcStat stat, String[] jvm) throws IOException {
        sink.add(CPU, stat.cpuSeconds(), jvm);
        sink.add(PROCESS_START, bootTimeSeconds + stat.startTicks() / ProcStat.TICKS_PER_SECOND, jvm);
        long rss = processes.residentBytes(pid);
        if (rss >= 0) {
            sink.add(RESIDENT, rss, jvm);
        }
        int fds = processes.openFds(pid);
        if (fds >= 0) {
            sink.add(OPEN_FDS, fds, jvm);
        }
    }

    /** Adds a sample unless the JVM lacks the counter (NaN). */
    private static void add(MetricSink sink, Desc desc, double value, String[] jvm, String... more) {
        if (!Double.isNaN(value)) {
            sink.add(desc, value, more.length == 0 ? jvm : with(jvm, more));
        }
    }

    private static String[] with(String[] jvm, String... more) {
        String[] all = new String[jvm.length + more.length];
        System.arraycopy(jvm, 0, all, 0, jvm.length);
        System.arraycopy(more, 0, all, jvm.length, more.length);
        return all;
    }

    private static String[] labels(String... more) {
        return with(JVM, more);
    }

    private static Desc gauge(String name, String help, String... more) {
        return Desc.gauge(name, help, labels(more));
    }

    private static Desc counter(String name, String help, String... more) {
        return Desc.counter(name, help, labels(more));
    }
}
