package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.model.MetricType;
import dev.vigil.node.io.SysfsFiles;
import dev.vigil.node.sysfs.Dmi;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code node_dmi_info} from {@code /sys/class/dmi/id}: BIOS, board, chassis and product
 * identification. Read once when the exporter starts, as node_exporter does: it does not change
 * until the next boot. Attributes only root may read (serial numbers, the product UUID) are left
 * out for other users, as are links and directories in that directory.
 *
 * <p>node_exporter refuses to start when that directory cannot be read for another reason; here the
 * collector fails on every scrape instead.
 */
public final class DmiCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("dmi", true, context -> new DmiCollector(context.paths()));

    private static final String HELP = "A metric with a constant '1' value labeled by bios_date, bios_release, "
            + "bios_vendor, bios_version, board_asset_tag, board_name, board_serial, board_vendor, board_version, "
            + "chassis_asset_tag, chassis_serial, chassis_vendor, chassis_version, product_family, product_name, "
            + "product_serial, product_sku, product_uuid, product_version, system_vendor if provided by DMI.";

    private final Desc desc;
    private final String[] values;
    private final IOException failure;

    public DmiCollector(HostPaths paths) {
        Desc d = null;
        String[] v = new String[0];
        IOException f = null;
        try {
            Dmi.Labels labels = Dmi.labels(read(paths.sys("class", "dmi", "id")));
            d = new Desc("node_dmi_info", HELP, MetricType.GAUGE, labels.names());
            v = labels.values().toArray(String[]::new);
        } catch (NoSuchFileException e) {
            v = new String[0]; // Platform does not support Desktop Management Interface (DMI) information
        } catch (IOException e) {
            f = new IOException("failed to read Desktop Management Interface (DMI) information: " + e.getMessage(), e);
        }
        this.desc = d;
        this.values = v;
        this.failure = f;
    }

    @Override
    public String name() {
        return "dmi";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (values.length == 0) {
            throw new NoDataException("no DMI information");
        }
        sink.add(desc, 1, values);
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> attributes = new HashMap<>();
        for (String name : SysfsFiles.list(dir)) {
            Path file = dir.resolve(name);
            if (Dmi.SKIPPED.contains(name)) {
                continue;
            }
            try {
                attributes.put(name, SysfsFiles.readNoFollow(file));
            } catch (IOException e) {
                if (SysfsFiles.isNotAttribute(e) || SysfsFiles.isPermission(e)) {
                    continue; // only root may read the serial numbers and product_uuid
                }
                throw new IOException("failed to read file " + file + ": " + e.getMessage(), e);
            }
        }
        return attributes;
    }
}
