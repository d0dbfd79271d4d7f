package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Pressure;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Pressure stall information from {@code /proc/pressure/{cpu,io,memory}} (Linux 4.20+ with
 * CONFIG_PSI). As in node_exporter 1.5, cpu exports only its {@code some} total; io and memory
 * export {@code some} as waiting and {@code full} as stalled.
 */
public final class PressureCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("pressure", true, context -> new PressureCollector(context.paths()));

    private static final double MICROSECONDS_PER_SECOND = 1e6;

    private static final Desc CPU = Desc.counter("node_pressure_cpu_waiting_seconds_total",
            "Total time in seconds that processes have waited for CPU time");
    private static final Desc IO = Desc.counter("node_pressure_io_waiting_seconds_total",
            "Total time in seconds that processes have waited due to IO congestion");
    private static final Desc IO_FULL = Desc.counter("node_pressure_io_stalled_seconds_total",
            "Total time in seconds no process could make progress due to IO congestion");
    private static final Desc MEMORY = Desc.counter("node_pressure_memory_waiting_seconds_total",
            "Total time in seconds that processes have waited for memory");
    private static final Desc MEMORY_FULL = Desc.counter("node_pressure_memory_stalled_seconds_total",
            "Total time in seconds no process could make progress due to memory congestion");

    private final HostPaths paths;

    public PressureCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "pressure";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Pressure cpu = read("cpu");
        Pressure io = read("io");
        Pressure memory = read("memory");
        add(sink, CPU, cpu.some());
        add(sink, IO, io.some());
        add(sink, IO_FULL, io.full());
        add(sink, MEMORY, memory.some());
        add(sink, MEMORY_FULL, memory.full());
    }

    private static void add(MetricSink sink, Desc desc, Pressure.Line line) {
        if (line != null) {
            sink.add(desc, line.totalMicroseconds() / MICROSECONDS_PER_SECOND);
        }
    }

    private Pressure read(String resource) throws IOException {
        Path file = paths.proc("pressure", resource);
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new NoDataException("pressure information is unavailable, you need a Linux kernel >= 4.20 "
                    + "and/or CONFIG_PSI enabled for your kernel");
        } catch (IOException e) {
            // With psi=0 on the kernel command line the files exist but reading them fails (EOPNOTSUPP).
            if (String.valueOf(e.getMessage()).contains("not supported")) {
                throw new NoDataException("pressure information is disabled, add psi=1 kernel command line to enable it");
            }
            throw new IOException("failed to retrieve pressure stats: " + e.getMessage(), e);
        }
        try {
            return Pressure.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("failed to retrieve pressure stats: " + file + ": " + e.getMessage(), e);
        }
    }
}
