package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Interrupts;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Interrupt counts per CPU and interrupt from {@code /proc/interrupts}. */
public final class InterruptsCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("interrupts", false, context -> new InterruptsCollector(context.paths()));

    private static final Desc INTERRUPTS = Desc.counter("node_interrupts_total", "Interrupt details.",
            "cpu", "type", "info", "devices");

    private final HostPaths paths;
    /** "0", "1", ...: the cpu label values, kept across scrapes. */
    private final List<String> cpuLabels = new ArrayList<>();

    public InterruptsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "interrupts";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("interrupts");
        List<Interrupts.Interrupt> interrupts;
        try {
            interrupts = Interrupts.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException("couldn't get interrupts: " + e.getMessage(), e);
        }
        for (Interrupts.Interrupt interrupt : interrupts) {
            List<Double> counts = interrupt.counts();
            for (int cpu = 0; cpu < counts.size(); cpu++) {
                sink.add(INTERRUPTS, counts.get(cpu), cpuLabel(cpu), interrupt.name(), interrupt.info(),
                        interrupt.devices());
            }
        }
    }

    private synchronized String cpuLabel(int cpu) {
        while (cpuLabels.size() <= cpu) {
            cpuLabels.add(Integer.toString(cpuLabels.size()));
        }
        return cpuLabels.get(cpu);
    }
}
