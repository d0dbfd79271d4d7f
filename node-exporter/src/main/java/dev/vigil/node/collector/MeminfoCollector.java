package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Meminfo;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Memory statistics from {@code /proc/meminfo}, one gauge per field. */
public final class MeminfoCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("meminfo", true, context -> new MeminfoCollector(context.paths()));

    private final HostPaths paths;
    private final Map<String, Desc> descs = new ConcurrentHashMap<>();

    public MeminfoCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "meminfo";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Map<String, Double> fields = Meminfo.parse(KernelFiles.read(paths.proc("meminfo")));
        if (fields.isEmpty()) {
            throw new IOException("no fields in " + paths.proc("meminfo"));
        }
        for (Map.Entry<String, Double> field : fields.entrySet()) {
            sink.add(descs.computeIfAbsent(field.getKey(), MeminfoCollector::describe), field.getValue());
        }
    }

    private static Desc describe(String key) {
        String name = "node_memory_" + key;
        String help = "Memory information field " + key + ".";
        return key.endsWith("_total") ? Desc.counter(name, help) : Desc.gauge(name, help);
    }
}
