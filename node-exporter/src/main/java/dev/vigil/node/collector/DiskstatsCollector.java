package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.flags.Flag;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Diskstats;
import dev.vigil.node.procfs.GoFloat;
import dev.vigil.node.sysfs.UdevData;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Block device I/O counters from {@code /proc/diskstats}, plus per device the udev database's
 * identity ({@code node_disk_info}), filesystem, device-mapper and ATA properties.
 */
public final class DiskstatsCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    static final String DEFAULT_EXCLUDE = "^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$";

    private static final Log LOG = Log.get(DiskstatsCollector.class);
    private static final double SECONDS_PER_TICK = 1.0 / 1000.0;
    private static final double SECTOR_SIZE = 512.0;

    private static final Desc INFO = Desc.gauge("node_disk_info", "Info of /sys/block/<block_device>.",
            "device", "major", "minor", "path", "wwn", "model", "serial", "revision");
    private static final Desc FILESYSTEM_INFO = Desc.gauge("node_disk_filesystem_info", "Info about disk filesystem.",
            "device", "type", "usage", "uuid", "version");
    private static final Desc DEVICE_MAPPER_INFO = Desc.gauge("node_disk_device_mapper_info",
            "Info about disk device mapper.", "device", "name", "uuid", "vg_name", "lv_name", "lv_layer");

    /** The udev ATA properties and their families, in the order they are reported. */
    private static final List<Map.Entry<String, Desc>> ATA = List.of(
            Map.entry("ID_ATA_WRITE_CACHE", Desc.gauge("node_disk_ata_write_cache",
                    "ATA disk has a write cache.", "device")),
            Map.entry("ID_ATA_WRITE_CACHE_ENABLED", Desc.gauge("node_disk_ata_write_cache_enabled",
                    "ATA disk has its write cache enabled.", "device")),
            Map.entry("ID_ATA_ROTATION_RATE_RPM", Desc.gauge("node_disk_ata_rotation_rate_rpm",
                    "ATA disk rotation rate in RPMs (0 for SSDs).", "device")));

    /** One family per /proc/diskstats counter, in file order, and the factor applied to it. */
    private static final Desc[] COUNTERS = {
        Desc.counter("node_disk_reads_completed_total", "The total number of reads completed successfully.", "device"),
        Desc.counter("node_disk_reads_merged_total", "The total number of reads merged.", "device"),
        Desc.counter("node_disk_read_bytes_total", "The total number of bytes read successfully.", "device"),
        Desc.counter("node_disk_read_time_seconds_total", "The total number of seconds spent by all reads.", "device"),
        Desc.counter("node_disk_writes_completed_total", "The total number of writes completed successfully.",
                "device"),
        Desc.counter("node_disk_writes_merged_total", "The number of writes merged.", "device"),
        Desc.counter("node_disk_written_bytes_total", "The total number of bytes written successfully.", "device"),
        Desc.counter("node_disk_write_time_seconds_total", "This is the total number of seconds spent by all writes.",
                "device"),
        Desc.gauge("node_disk_io_now", "The number of I/Os currently in progress.", "device"),
        Desc.counter("node_disk_io_time_seconds_total", "Total seconds spent doing I/Os.", "device"),
        Desc.counter("node_disk_io_time_weighted_seconds_total", "The weighted # of seconds spent doing I/Os.",
                "device"),
        Desc.counter("node_disk_discards_completed_total", "The total number of discards completed successfully.",
                "device"),
        Desc.counter("node_disk_discards_merged_total", "The total number of discards merged.", "device"),
        Desc.counter("node_disk_discarded_sectors_total", "The total number of sectors discarded successfully.",
                "device"),
        Desc.counter("node_disk_discard_time_seconds_total",
                "This is the total number of seconds spent by all discards.", "device"),
        Desc.counter("node_disk_flush_requests_total", "The total number of flush requests completed successfully",
                "device"),
        Desc.counter("node_disk_flush_requests_time_seconds_total",
                "This is the total number of seconds spent by all flush requests.", "device"),
    };

    /** What each counter is multiplied by: sectors become bytes, milliseconds become seconds. */
    private static final double[] FACTORS = {
        1, 1, SECTOR_SIZE, SECONDS_PER_TICK, 1, 1, SECTOR_SIZE, SECONDS_PER_TICK, 1, SECONDS_PER_TICK,
        SECONDS_PER_TICK, 1, 1, 1, SECONDS_PER_TICK, 1, SECONDS_PER_TICK,
    };

    private final HostPaths paths;
    private final DeviceFilter filter;

    public DiskstatsCollector(HostPaths paths, DeviceFilter filter) {
        this.paths = paths;
        this.filter = filter;
    }

    @Override
    public String name() {
        return "diskstats";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        List<Diskstats.Device> devices;
        try {
            devices = Diskstats.parse(KernelFiles.read(paths.proc("diskstats")));
        } catch (IllegalArgumentException e) {
            throw new IOException("couldn't get diskstats: " + e.getMessage(), e);
        }
        for (Diskstats.Device device : devices) {
            String name = device.name();
            if (filter.ignored(name)) {
                continue;
            }
            Map<String, String> udev = udevProperties(device);
            String serial = udev.getOrDefault("SCSI_IDENT_SERIAL", "");
            if (serial.isEmpty()) {
                serial = udev.getOrDefault("ID_SERIAL_SHORT", "");
            }
            sink.add(INFO, 1, name, Long.toString(device.major()), Long.toString(device.minor()),
                    udev.getOrDefault("ID_PATH", ""), udev.getOrDefault("ID_WWN", ""),
                    udev.getOrDefault("ID_MODEL", ""), serial, udev.getOrDefault("ID_REVISION", ""));
            for (int i = 0; i < device.count(); i++) {
                sink.add(COUNTERS[i], device.counter(i) * FACTORS[i], name);
            }
            String fsType = udev.getOrDefault("ID_FS_TYPE", "");
            if (!fsType.isEmpty()) {
                sink.add(FILESYSTEM_INFO, 1, name, fsType, udev.getOrDefault("ID_FS_USAGE", ""),
                        udev.getOrDefault("ID_FS_UUID", ""), udev.getOrDefault("ID_FS_VERSION", ""));
            }
            String dmName = udev.getOrDefault("DM_NAME", "");
            if (!dmName.isEmpty()) {
                sink.add(DEVICE_MAPPER_INFO, 1, name, dmName, udev.getOrDefault("DM_UUID", ""),
                        udev.getOrDefault("DM_VG_NAME", ""), udev.getOrDefault("DM_LV_NAME", ""),
                        udev.getOrDefault("DM_LV_LAYER", ""));
            }
            if (!udev.getOrDefault("ID_ATA", "").isEmpty()) {
                addAta(sink, name, udev);
            }
        }
    }

    private static void addAta(MetricSink sink, String device, Map<String, String> udev) {
        for (Map.Entry<String, Desc> ata : ATA) {
            String text = udev.get(ata.getKey());
            if (text == null) {
                LOG.debug("Udev attribute does not exist", "attribute", ata.getKey());
                continue;
            }
            try {
                sink.add(ata.getValue(), GoFloat.parse(text), device);
            } catch (NumberFormatException e) {
                LOG.error("Failed to parse ATA value", "device", device, "attribute", ata.getKey(), "value", text);
            }
        }
    }

    private Map<String, String> udevProperties(Diskstats.Device device) {
        try {
            return UdevData.properties(KernelFiles.read(
                    paths.udev(UdevData.blockDeviceFile(device.major(), device.minor()))));
        } catch (IOException e) {
            LOG.debug("Failed to parse udev info", "err", e.toString());
            return Map.of();
        }
    }

    /** The flags, as node_exporter 1.5 defines them. */
    private static final class Factory implements CollectorFactory {
        private static final String EXCLUDE = "collector.diskstats.device-exclude";
        private static final String INCLUDE = "collector.diskstats.device-include";
        private static final String IGNORED = "collector.diskstats.ignored-devices";

        @Override
        public String name() {
            return "diskstats";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string(EXCLUDE, "Regexp of diskstats devices to exclude (mutually exclusive to device-include).",
                    DEFAULT_EXCLUDE);
            flags.string(INCLUDE, "Regexp of diskstats devices to include (mutually exclusive to device-exclude).",
                    "");
            flags.string(IGNORED, "DEPRECATED: Use collector.diskstats.device-exclude", "");
        }

        @Override
        public Collector create(CollectorContext context) {
            Flag<?> excludeFlag = context.flags().lookup(EXCLUDE);
            String exclude = (String) excludeFlag.get();
            String include = (String) context.flags().lookup(INCLUDE).get();
            String ignored = (String) context.flags().lookup(IGNORED).get();
            if (!ignored.isEmpty()) {
                if (excludeFlag.isSet()) {
                    throw new IllegalArgumentException(
                            "--" + IGNORED + " and --" + EXCLUDE + " are mutually exclusive");
                }
                LOG.warn("--" + IGNORED + " is DEPRECATED and will be removed in 2.0.0, use --" + EXCLUDE);
                exclude = ignored;
            } else if (!include.isEmpty() && !excludeFlag.isSet()) {
                // node_exporter 1.5 refuses an include pattern unless the default exclude is
                // cleared by hand; later versions drop the default, and so do we.
                exclude = "";
            }
            if (!exclude.isEmpty() && !include.isEmpty()) {
                throw new IllegalArgumentException("device-exclude & device-include are mutually exclusive");
            }
            if (!exclude.isEmpty()) {
                LOG.info("Parsed flag --" + EXCLUDE, "flag", exclude);
            }
            if (!include.isEmpty()) {
                LOG.info("Parsed Flag --" + INCLUDE, "flag", include);
            }
            return new DiskstatsCollector(context.paths(), DeviceFilter.of(exclude, include));
        }
    }
}
