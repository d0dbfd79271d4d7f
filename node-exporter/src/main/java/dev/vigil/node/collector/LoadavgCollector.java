package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Loadavg;
import java.io.IOException;

/** Load averages from {@code /proc/loadavg}. */
public final class LoadavgCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("loadavg", true, context -> new LoadavgCollector(context.paths()));

    private static final Desc LOAD1 = Desc.gauge("node_load1", "1m load average.");
    private static final Desc LOAD5 = Desc.gauge("node_load5", "5m load average.");
    private static final Desc LOAD15 = Desc.gauge("node_load15", "15m load average.");

    private final HostPaths paths;

    public LoadavgCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "loadavg";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Loadavg load = Loadavg.parse(KernelFiles.read(paths.proc("loadavg")));
        sink.add(LOAD1, load.load1());
        sink.add(LOAD5, load.load5());
        sink.add(LOAD15, load.load15());
    }
}
