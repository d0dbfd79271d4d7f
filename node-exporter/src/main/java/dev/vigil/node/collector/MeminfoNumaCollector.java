package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.sysfs.NumaMeminfo;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memory per NUMA node from {@code /sys/devices/system/node/nodeN/meminfo} (gauges, kB as bytes)
 * and {@code numastat} (counters), as {@code node_memory_numa_<field>{node}}.
 */
public final class MeminfoNumaCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("meminfo_numa", false, context -> new MeminfoNumaCollector(context.paths()));

    private final HostPaths paths;
    private final Map<String, Desc> descs = new ConcurrentHashMap<>();

    public MeminfoNumaCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "meminfo_numa";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path nodes = paths.sys("devices", "system", "node");
        List<NumaMeminfo.Field> fields = new ArrayList<>();
        for (String name : KernelFiles.list(nodes)) {
            String number = nodeNumber(name);
            if (number == null) {
                continue;
            }
            Path node = nodes.resolve(name);
            try {
                fields.addAll(NumaMeminfo.parseMeminfo(read(node.resolve("meminfo"))));
                fields.addAll(NumaMeminfo.parseNumastat(read(node.resolve("numastat")), number));
            } catch (IllegalArgumentException e) {
                throw new IOException("couldn't get NUMA meminfo: " + node + ": " + e.getMessage(), e);
            }
        }
        for (NumaMeminfo.Field field : fields) {
            Desc desc = descs.computeIfAbsent(field.name(), key -> describe(key, field.counter()));
            sink.add(desc, field.value(), field.node());
        }
    }

    private static Desc describe(String key, boolean counter) {
        String name = "node_memory_numa_" + key;
        String help = "Memory information field " + key + ".";
        return counter ? Desc.counter(name, help, "node") : Desc.gauge(name, help, "node");
    }

    /** The digits of {@code node[0-9]*}, or null for other names. */
    static String nodeNumber(String name) {
        if (name.length() < 5 || !name.startsWith("node") || name.charAt(4) < '0' || name.charAt(4) > '9') {
            return null;
        }
        int end = 4;
        while (end < name.length() && name.charAt(end) >= '0' && name.charAt(end) <= '9') {
            end++;
        }
        return name.substring(4, end);
    }

    private static String read(Path file) throws IOException {
        try {
            return KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        }
    }
}
