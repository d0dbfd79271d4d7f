package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.SysfsFiles;
import dev.vigil.node.sysfs.Bonding;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configured and active slaves of each Linux bonding master, from {@code
 * /sys/class/net/bonding_masters}, {@code <master>/bonding/slaves} and each slave's {@code
 * bonding_slave/mii_status} (under {@code lower_<slave>}, or {@code slave_<slave>} on older
 * kernels). As in node_exporter, a file that is not there anywhere on that path means no data.
 */
public final class BondingCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("bonding", true, context -> new BondingCollector(context.paths()));

    private static final Desc SLAVES = Desc.gauge("node_bonding_slaves",
            "Number of configured slaves per bonding interface.", "master");
    private static final Desc ACTIVE = Desc.gauge("node_bonding_active",
            "Number of active slaves per bonding interface.", "master");

    private final HostPaths paths;

    public BondingCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "bonding";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path net = paths.sys("class", "net");
        Map<String, int[]> masters = new LinkedHashMap<>();
        try {
            for (String master : Bonding.names(SysfsFiles.read(net.resolve("bonding_masters")))) {
                int[] counts = new int[2];
                for (String slave : Bonding.names(SysfsFiles.read(net.resolve(master).resolve("bonding/slaves")))) {
                    counts[0]++;
                    if (Bonding.isUp(miiStatus(net.resolve(master), slave))) {
                        counts[1]++;
                    }
                }
                masters.put(master, counts);
            }
        } catch (NoSuchFileException e) {
            throw new NoDataException("Not collecting bonding, file does not exist: " + e.getFile());
        }
        for (Map.Entry<String, int[]> master : masters.entrySet()) {
            sink.add(SLAVES, master.getValue()[0], master.getKey());
            sink.add(ACTIVE, master.getValue()[1], master.getKey());
        }
    }

    private static String miiStatus(Path master, String slave) throws IOException {
        try {
            return SysfsFiles.read(master.resolve("lower_" + slave).resolve("bonding_slave/mii_status"));
        } catch (NoSuchFileException e) {
            return SysfsFiles.read(master.resolve("slave_" + slave).resolve("bonding_slave/mii_status"));
        }
    }
}
