package dev.vigil.jvm.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real JVMs with each collector, scraped by host mode while {@code jcmd PerfCounter.print} and
 * {@code jstat -gc} read the same JVM right before and after: every value must lie between the two
 * readings (equal when nothing moved), and every gc and pool name must be one the JVM's own MXBeans
 * use, as client_java would label it.
 */
class HostJvmCollectorLiveTest {
    @TempDir
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        LiveJvm.compile(classes);
    }

    private static RecordingSink scrape(HostJvmCollector collector) throws Exception {
        RecordingSink sink = new RecordingSink();
        collector.update(sink);
        return sink;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-XX:+UseSerialGC|Copy,MarkSweepCompact|Eden Space,Survivor Space,Tenured Gen",
        "-XX:+UseParallelGC|PS Scavenge,PS MarkSweep|PS Eden Space,PS Survivor Space,PS Old Gen",
        "-XX:+UseG1GC|G1 Young Generation,G1 Old Generation,G1 Concurrent GC|G1 Eden Space,G1 Survivor Space,G1 Old Gen",
        "-XX:+UseZGC|ZGC Minor Pauses,ZGC Major Pauses|ZGC Young Generation,ZGC Old Generation",
    })
    void agreesWithJcmdAndJstat(String gcFlag, String gcNames, String heapPools) throws Exception {
        HostJvmCollector collector = new HostJvmCollector(HostPaths.defaults());
        try (LiveJvm jvm = LiveJvm.start(classes, gcFlag)) {
            int pid = jvm.pid();
            jvm.perfCounters(); // the first attach starts the Attach Listener thread; later ones move less

            Map<String, String> before = jvm.perfCounters();
            Map<String, String> jstatBefore = jvm.jstatGc();
            RecordingSink sink = scrape(collector);
            Map<String, String> jstatAfter = jvm.jstatGc();
            Map<String, String> after = jvm.perfCounters();

            String labels = "main=\"" + LiveJvm.MAIN + "\",container=\"\",user=\"" + System.getProperty("user.name") + "\"";
            assertNotNull(sink.find("jvm_threads_current", pid, labels), "labelled " + labels + ": " + sink.samples.keySet());
            assertTrue(sink.samples.get("jvm_host_jvms{}") >= 1, "jvm_host_jvms counts it");

            // names: the MXBeans' own, as client_java labels them
            Set<String> gcs = new TreeSet<>(sink.labelValues("jvm_gc_collection_seconds_count", pid, "gc"));
            assertEquals(new TreeSet<>(List.of(gcNames.split(","))), gcs);
            assertTrue(jvm.gcNames.containsAll(gcs), "MXBean collectors " + jvm.gcNames + " include " + gcs);
            Set<String> pools = new TreeSet<>(sink.labelValues("jvm_memory_pool_used_bytes", pid, "pool"));
            Set<String> expectedPools = new TreeSet<>(List.of(heapPools.split(",")));
            expectedPools.addAll(List.of("Metaspace", "Compressed Class Space"));
            assertEquals(expectedPools, pools);
            assertTrue(jvm.poolNames.containsAll(pools), "MXBean pools " + jvm.poolNames + " include " + pools);

            // values: between jcmd's readings before and after the scrape
            double hz = Double.parseDouble(before.get("sun.os.hrt.frequency"));
            for (int c = 0; c < 10; c++) {
                String name = before.get("sun.gc.collector." + c + ".name");
                if (name == null) {
                    continue;
                }
                String gc = "gc=\"" + HotSpotNames.collector(name) + "\"";
                between(sink.find("jvm_gc_collection_seconds_count", pid, gc), before, after,
                        "sun.gc.collector." + c + ".invocations", 1);
                between(sink.find("jvm_gc_collection_seconds_sum", pid, gc), before, after,
                        "sun.gc.collector." + c + ".time", hz);
            }
            between(sink.find("jvm_classes_loaded_total", pid), sum(before, "java.cls.loadedClasses",
                    "java.cls.sharedLoadedClasses"), sum(after, "java.cls.loadedClasses", "java.cls.sharedLoadedClasses"),
                    "classes loaded");
            between(sink.find("jvm_classes_unloaded_total", pid), sum(before, "java.cls.unloadedClasses",
                    "java.cls.sharedUnloadedClasses"), sum(after, "java.cls.unloadedClasses",
                    "java.cls.sharedUnloadedClasses"), "classes unloaded");
            between(sink.find("jvm_threads_current", pid), before, after, "java.threads.live", 1);
            between(sink.find("jvm_threads_daemon", pid), before, after, "java.threads.daemon", 1);
            between(sink.find("jvm_threads_peak", pid), before, after, "java.threads.livePeak", 1);
            between(sink.find("jvm_threads_started_total", pid), before, after, "java.threads.started", 1);
            between(sink.find("jvm_compilation_time_seconds_total", pid), before, after, "java.ci.totalTime", hz);
            between(sink.find("jvm_safepoints_total", pid), before, after, "sun.rt.safepoints", 1);
            between(sink.find("jvm_safepoint_time_seconds_total", pid), before, after, "sun.rt.safepointTime", hz);
            between(sink.find("jvm_memory_pool_used_bytes", pid, "pool=\"Metaspace\""), before, after,
                    "sun.gc.metaspace.used", 1);
            between(sink.find("jvm_memory_pool_committed_bytes", pid, "pool=\"Compressed Class Space\""), before, after,
                    "sun.gc.compressedclassspace.capacity", 1);
            between(sink.find("jvm_memory_pool_used_bytes", pid, "pool=\"" + oldPool(expectedPools) + "\""), before,
                    after, "sun.gc.generation.1.space.0.used", 1);
            assertEquals(Double.parseDouble(before.get("sun.rt.createVmBeginTime")) / 1000,
                    sink.find("jvm_start_time_seconds", pid), 1e-9);
            assertEquals(1.0, sink.find("jvm_runtime_info", pid, "vendor=\"" + before.get("java.property.java.vm.vendor")
                    + "\"", "version=\"" + before.get("java.property.java.vm.version") + "\""));

            // jstat -gc (KB with one decimal; counts) reads the same counters
            if (!gcFlag.equals("-XX:+UseZGC")) {
                kilobytesBetween(sink.find("jvm_memory_pool_used_bytes", pid, "pool=\"" + oldPool(expectedPools) + "\""),
                        jstatBefore.get("OU"), jstatAfter.get("OU"));
                between(sink.find("jvm_gc_collection_seconds_count", pid, "gc=\"" + gcNames.split(",")[0] + "\""),
                        Double.parseDouble(jstatBefore.get("YGC")), Double.parseDouble(jstatAfter.get("YGC")), "YGC");
                between(sink.find("jvm_gc_collection_seconds_count", pid, "gc=\"" + gcNames.split(",")[1] + "\""),
                        Double.parseDouble(jstatBefore.get("FGC")), Double.parseDouble(jstatAfter.get("FGC")), "FGC");
                assertTrue(sink.find("jvm_gc_collection_seconds_count", pid, "gc=\"" + gcNames.split(",")[1] + "\"") >= 1,
                        "System.gc() ran a full collection");
            }

            // process_* from /proc
            double start = sink.find("jvm_process_start_time_seconds", pid);
            Instant started = jvm.process.info().startInstant().orElseThrow();
            assertEquals(started.toEpochMilli() / 1000.0, start, 1.0);
            assertTrue(sink.find("jvm_process_cpu_seconds_total", pid) > 0);
            assertTrue(sink.find("jvm_process_resident_memory_bytes", pid) > 10 * 1024 * 1024);
            assertTrue(sink.find("jvm_process_open_fds", pid) >= 3);
        }
    }

    @Test
    void aJvmThatExitsDisappearsAndOneWithoutPerfDataIsListed() throws Exception {
        HostJvmCollector collector = new HostJvmCollector(HostPaths.defaults());
        try (LiveJvm monitored = LiveJvm.start(classes, "-XX:+UseSerialGC");
                LiveJvm hidden = LiveJvm.start(classes, "-XX:+UseSerialGC", "-XX:-UsePerfData")) {
            RecordingSink first = scrape(collector);
            assertTrue(first.anyFor(monitored.pid()), "monitored JVM scraped");
            assertEquals(1.0, first.find("jvm_host_unmonitorable", hidden.pid(), "reason=\"no_perf_data\""),
                    "-XX:-UsePerfData listed: " + first.samples.keySet().stream().filter(k -> k.startsWith("jvm_host")).toList());
            assertFalse(first.find("jvm_threads_current", hidden.pid()) != null, "no counters for it");

            monitored.stop();
            hidden.stop();
            RecordingSink second = scrape(collector);
            assertFalse(second.anyFor(monitored.pid()), "exited JVM gone");
            assertFalse(second.anyFor(hidden.pid()), "exited unmonitorable JVM gone");
        }
    }

    private static String oldPool(Set<String> pools) {
        return pools.stream().filter(p -> p.contains("Old") || p.contains("Tenured")).findFirst().orElseThrow();
    }

    private static double sum(Map<String, String> counters, String... names) {
        double sum = 0;
        for (String name : names) {
            sum += Double.parseDouble(counters.get(name));
        }
        return sum;
    }

    private static void between(Double value, Map<String, String> before, Map<String, String> after, String counter,
            double divisor) {
        between(value, Double.parseDouble(before.get(counter)) / divisor, Double.parseDouble(after.get(counter)) / divisor,
                counter);
    }

    private static void between(Double value, double before, double after, String what) {
        assertNotNull(value, what + ": no series");
        double low = Math.min(before, after);
        double high = Math.max(before, after);
        double slack = 1e-9 * Math.max(1, Math.abs(high));
        assertTrue(value >= low - slack && value <= high + slack,
                what + ": " + value + " not within jcmd's [" + low + ", " + high + "]");
    }

    private static void kilobytesBetween(Double bytes, String before, String after) {
        assertNotNull(bytes);
        double kb = bytes / 1024;
        double low = Math.min(Double.parseDouble(before), Double.parseDouble(after)) - 0.05;
        double high = Math.max(Double.parseDouble(before), Double.parseDouble(after)) + 0.05;
        assertTrue(kb >= low && kb <= high, kb + " KB not within jstat's [" + low + ", " + high + "]");
    }
}
