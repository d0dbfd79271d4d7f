package dev.vigil.jvm.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.jvm.perfdata.PerfData;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MXBean names and heap sums host mode derives from captured regions (all from -Xmx64m JVMs).
 * JDK 17's G1 reports its generations' maxima a few bytes above the heap size in perf data (jstat
 * shows the same); host mode passes on what perf data says.
 */
class JvmLayoutTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "serial-jdk25|67108864|SERIAL|Copy,MarkSweepCompact|Eden Space,Survivor Space,Tenured Gen",
        "parallel-jdk25|67108864|PARALLEL|PS Scavenge,PS MarkSweep|PS Eden Space,PS Survivor Space,PS Old Gen",
        "g1-jdk25|67108864|G1|G1 Young Generation,G1 Old Generation,G1 Concurrent GC|G1 Eden Space,G1 Survivor Space,G1 Old Gen",
        "z-jdk25|67108864|ZGC_GENERATIONAL|ZGC Minor Pauses,ZGC Major Pauses|ZGC Young Generation,ZGC Old Generation",
        "g1-jdk17|67108888|G1|G1 Young Generation,G1 Old Generation,G1 Concurrent GC|G1 Eden Space,G1 Survivor Space,G1 Old Gen",
        "z-jdk17|67108864|ZGC|ZGC Pauses|ZHeap",
    })
    void namesAndHeapOfCapturedJvms(String capture, double heapMax, String family, String collectors, String pools) throws Exception {
        PerfData data = PerfData.parse(ByteBuffer.wrap(Files.readAllBytes(
                Path.of("src/test/resources/perfdata", capture + ".hsperfdata"))));
        JvmLayout layout = new JvmLayout(data);

        assertEquals(HotSpotNames.Family.valueOf(family), layout.family);
        assertEquals(List.of(collectors.split(",")), layout.collectors.stream().map(JvmLayout.Collector::name).toList());
        assertEquals(List.of(pools.split(",")), layout.heapPools.stream().map(JvmLayout.Pool::name).toList());
        assertEquals(List.of("Metaspace", "Compressed Class Space"),
                layout.nonHeapPools.stream().map(JvmLayout.Pool::name).toList());
        assertEquals(heapMax, layout.heapMaxBytes(), "-Xmx64m, as perf data (and jstat) report it");

        long spacesUsed = 0;
        for (String name : data.entries().keySet()) {
            if (name.matches("sun\\.gc\\.generation\\.\\d\\.space\\.\\d\\.used")) {
                spacesUsed += data.longValue(name, 0);
            }
        }
        assertEquals(spacesUsed, layout.sum(layout.heapUsed), "heap used is every space's used");
        double poolsUsed = layout.heapPools.stream().mapToDouble(p -> layout.sum(p.used())).sum();
        assertEquals(spacesUsed, poolsUsed, "pools partition the heap");
    }
}
