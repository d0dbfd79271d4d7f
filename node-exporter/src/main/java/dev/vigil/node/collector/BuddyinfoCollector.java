package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Buddyinfo;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Free memory blocks per node, zone and order from {@code /proc/buddyinfo}. */
public final class BuddyinfoCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("buddyinfo", false, context -> new BuddyinfoCollector(context.paths()));

    private static final Desc BLOCKS = Desc.gauge("node_buddyinfo_blocks", "Count of free blocks according to size.",
            "node", "zone", "size");
    private static final String[] SIZES = new String[64];

    static {
        for (int i = 0; i < SIZES.length; i++) {
            SIZES[i] = Integer.toString(i);
        }
    }

    private final HostPaths paths;

    public BuddyinfoCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "buddyinfo";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("buddyinfo");
        List<Buddyinfo.Zone> zones;
        try {
            zones = Buddyinfo.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException("couldn't get buddyinfo: " + e.getMessage(), e);
        }
        for (Buddyinfo.Zone zone : zones) {
            List<Double> blocks = zone.freeBlocks();
            for (int size = 0; size < blocks.size(); size++) {
                sink.add(BLOCKS, blocks.get(size), zone.node(), zone.zone(),
                        size < SIZES.length ? SIZES[size] : Integer.toString(size));
            }
        }
    }
}
