package dev.vigil.bench;

import dev.vigil.node.procfs.CpuInfo;
import dev.vigil.node.procfs.Diskstats;
import dev.vigil.node.procfs.Meminfo;
import dev.vigil.node.procfs.Mounts;
import dev.vigil.node.procfs.NetDev;
import dev.vigil.node.procfs.Stat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The node exporter's hot parsers, each over a file's text read once in setup: the parse alone,
 * no I/O. The texts come from the fixture tree captured from a real host ({@code -Dfixtures=DIR},
 * default {@code node-exporter/src/test/fixtures}, relative to the project root), so runs compare.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParserBenchmark {
    private String meminfo;
    private String mounts;
    private String stat;
    private String cpuinfo;
    private String diskstats;
    private String netdev;

    @Setup
    public void read() throws IOException {
        Path fixtures = Path.of(System.getProperty("fixtures", "node-exporter/src/test/fixtures"));
        meminfo = Files.readString(fixtures.resolve("proc/meminfo"));
        mounts = Files.readString(fixtures.resolve("proc/1/mounts"));
        stat = Files.readString(fixtures.resolve("proc/stat"));
        cpuinfo = Files.readString(fixtures.resolve("proc/cpuinfo"));
        diskstats = Files.readString(fixtures.resolve("proc/diskstats"));
        netdev = Files.readString(fixtures.resolve("proc/net/dev"));
    }

    @Benchmark
    public Object meminfo() {
        return Meminfo.parse(meminfo);
    }

    @Benchmark
    public Object stat() {
        return Stat.parse(stat);
    }

    @Benchmark
    public Object cpuinfo() {
        return CpuInfo.parse(cpuinfo, CpuInfo.Arch.X86);
    }

    @Benchmark
    public Object diskstats() {
        return Diskstats.parse(diskstats);
    }

    @Benchmark
    public Object netdev() {
        return NetDev.parse(netdev);
    }

    @Benchmark
    public Object mounts() {
        return Mounts.parse(mounts);
    }
}
