package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Stat;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Kernel and system counters from {@code /proc/stat}: interrupts, context switches, forks, boot
 * time, running and blocked processes and, with {@code --collector.stat.softirq}, softirqs per
 * vector.
 */
public final class StatCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    static final String SOFTIRQ_FLAG = "collector.stat.softirq";

    private static final Desc INTR = Desc.counter("node_intr_total", "Total number of interrupts serviced.");
    private static final Desc CONTEXT_SWITCHES = Desc.counter("node_context_switches_total",
            "Total number of context switches.");
    private static final Desc FORKS = Desc.counter("node_forks_total", "Total number of forks.");
    private static final Desc BOOT_TIME = Desc.gauge("node_boot_time_seconds", "Node boot time, in unixtime.");
    private static final Desc PROCS_RUNNING = Desc.gauge("node_procs_running",
            "Number of processes in runnable state.");
    private static final Desc PROCS_BLOCKED = Desc.gauge("node_procs_blocked",
            "Number of processes blocked waiting for I/O to complete.");
    private static final Desc SOFTIRQS = Desc.counter("node_softirqs_total", "Number of softirq calls.", "vector");

    private final HostPaths paths;
    private final boolean softIrq;

    public StatCollector(HostPaths paths, boolean softIrq) {
        this.paths = paths;
        this.softIrq = softIrq;
    }

    @Override
    public String name() {
        return "stat";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("stat");
        Stat stat;
        try {
            stat = Stat.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        sink.add(INTR, stat.interrupts());
        sink.add(CONTEXT_SWITCHES, stat.contextSwitches());
        sink.add(FORKS, stat.processesCreated());
        sink.add(BOOT_TIME, stat.bootTime());
        sink.add(PROCS_RUNNING, stat.processesRunning());
        sink.add(PROCS_BLOCKED, stat.processesBlocked());
        if (softIrq) {
            // Without a softirq line node_exporter reports every vector as 0.
            Stat.SoftIrqs irqs = stat.softIrqs() != null ? stat.softIrqs() : Stat.SoftIrqs.ZERO;
            for (int i = 0; i < Stat.SoftIrqs.VECTORS.size(); i++) {
                sink.add(SOFTIRQS, irqs.vector(i), Stat.SoftIrqs.VECTORS.get(i));
            }
        }
    }

    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "stat";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.bool(SOFTIRQ_FLAG, "Export softirq calls per vector", false);
        }

        @Override
        public Collector create(CollectorContext context) {
            return new StatCollector(context.paths(), (Boolean) context.flags().lookup(SOFTIRQ_FLAG).get());
        }
    }
}
