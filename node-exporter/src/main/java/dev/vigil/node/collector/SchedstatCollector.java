package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Schedstat;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Scheduler statistics per CPU from {@code /proc/schedstat} (kernels with CONFIG_SCHEDSTATS). */
public final class SchedstatCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("schedstat", true, context -> new SchedstatCollector(context.paths()));

    private static final double NANOSECONDS_PER_SECOND = 1e9;

    private static final Desc RUNNING = Desc.counter("node_schedstat_running_seconds_total",
            "Number of seconds CPU spent running a process.", "cpu");
    private static final Desc WAITING = Desc.counter("node_schedstat_waiting_seconds_total",
            "Number of seconds spent by processing waiting for this CPU.", "cpu");
    private static final Desc TIMESLICES = Desc.counter("node_schedstat_timeslices_total",
            "Number of timeslices executed by CPU.", "cpu");

    private final HostPaths paths;

    public SchedstatCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "schedstat";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("schedstat");
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new NoDataException("schedstat file does not exist");
        }
        for (Schedstat.Cpu cpu : Schedstat.parse(text)) {
            sink.add(RUNNING, cpu.runningNanoseconds() / NANOSECONDS_PER_SECOND, cpu.cpu());
            sink.add(WAITING, cpu.waitingNanoseconds() / NANOSECONDS_PER_SECOND, cpu.cpu());
            sink.add(TIMESLICES, cpu.timeslices(), cpu.cpu());
        }
    }
}
