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
import dev.vigil.node.procfs.NetArp;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * ARP entries per device from {@code /proc/net/arp}. Like node_exporter 1.5, the include and
 * exclude patterns are both applied when both are given (their help calls them mutually exclusive,
 * but 1.5 does not enforce it for arp).
 */
public final class ArpCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    private static final Desc ENTRIES = Desc.gauge("node_arp_entries", "ARP entries by device", "device");

    private final HostPaths paths;
    private final DeviceFilter filter;

    public ArpCollector(HostPaths paths, DeviceFilter filter) {
        this.paths = paths;
        this.filter = filter;
    }

    @Override
    public String name() {
        return "arp";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("net", "arp");
        Map<String, Integer> entries;
        try {
            entries = NetArp.entriesByDevice(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException("could not get ARP entries: " + file + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, Integer> entry : entries.entrySet()) {
            if (!filter.ignored(entry.getKey())) {
                sink.add(ENTRIES, entry.getValue(), entry.getKey());
            }
        }
    }

    /** Registers arp with node_exporter's flags. */
    private static final class Factory implements CollectorFactory {
        private static final String INCLUDE = "collector.arp.device-include";
        private static final String EXCLUDE = "collector.arp.device-exclude";

        @Override
        public String name() {
            return "arp";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string(INCLUDE, "Regexp of arp devices to include (mutually exclusive to device-exclude).", "");
            flags.string(EXCLUDE, "Regexp of arp devices to exclude (mutually exclusive to device-include).", "");
        }

        @Override
        public Collector create(CollectorContext context) {
            return new ArpCollector(context.paths(), DeviceFilter.of((String) context.flags().lookup(EXCLUDE).get(),
                    (String) context.flags().lookup(INCLUDE).get()));
        }
    }
}
