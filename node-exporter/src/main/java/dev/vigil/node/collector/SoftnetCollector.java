package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Softnet;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-CPU packet processing from {@code /proc/net/softnet_stat}. As in node_exporter 1.5 the
 * {@code cpu} label is the line's position, and only processed, dropped and times squeezed are
 * exposed.
 */
public final class SoftnetCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("softnet", true, context -> new SoftnetCollector(context.paths()));

    private static final Desc PROCESSED = Desc.counter("node_softnet_processed_total", "Number of processed packets",
            "cpu");
    private static final Desc DROPPED = Desc.counter("node_softnet_dropped_total", "Number of dropped packets", "cpu");
    private static final Desc TIMES_SQUEEZED = Desc.counter("node_softnet_times_squeezed_total",
            "Number of times processing packets ran out of quota", "cpu");

    private final HostPaths paths;

    public SoftnetCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "softnet";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("net", "softnet_stat");
        List<Softnet> stats;
        try {
            stats = Softnet.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException("could not get softnet statistics: failed to parse " + file + ": " + e.getMessage(), e);
        }
        for (int cpu = 0; cpu < stats.size(); cpu++) {
            Softnet stat = stats.get(cpu);
            String label = Integer.toString(cpu);
            sink.add(PROCESSED, stat.processed(), label);
            sink.add(DROPPED, stat.dropped(), label);
            sink.add(TIMES_SQUEEZED, stat.timeSqueezed(), label);
        }
    }
}
