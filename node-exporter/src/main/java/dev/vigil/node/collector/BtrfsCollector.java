package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Unsigned;
import dev.vigil.node.sysfs.Btrfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Btrfs filesystem statistics from {@code /sys/fs/btrfs/<uuid>/}: label, global reserve, per block
 * group type its reservation and per RAID profile its size, use and allocation ratio, and the member
 * devices' sizes.
 *
 * <p>node_exporter 1.5 also opens each mounted Btrfs filesystem and asks the kernel, by ioctl, for
 * per-device error counters and used bytes ({@code node_btrfs_device_errors_total},
 * {@code node_btrfs_device_unused_bytes}, a {@code btrfs_dev_uuid} label). Java 21 cannot issue
 * ioctls, so this collector always reports what node_exporter reports when those ioctls fail: the
 * sysfs device sizes with a {@code device} label only.
 */
public final class BtrfsCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("btrfs", true, context -> new BtrfsCollector(context.paths()));

    private static final Desc INFO = Desc.gauge("node_btrfs_info", "Filesystem information", "uuid", "label");
    private static final Desc GLOBAL_RSV = Desc.gauge("node_btrfs_global_rsv_size_bytes", "Size of global reserve.",
            "uuid");
    private static final Desc RESERVED = Desc.gauge("node_btrfs_reserved_bytes",
            "Amount of space reserved for a data type", "uuid", "block_group_type");
    private static final Desc USED = Desc.gauge("node_btrfs_used_bytes", "Amount of used space by a layout/data type",
            "uuid", "block_group_type", "mode");
    private static final Desc SIZE = Desc.gauge("node_btrfs_size_bytes",
            "Amount of space allocated for a layout/data type", "uuid", "block_group_type", "mode");
    private static final Desc RATIO = Desc.gauge("node_btrfs_allocation_ratio",
            "Data allocation ratio for a layout/data type", "uuid", "block_group_type", "mode");
    private static final Desc DEVICE_SIZE = Desc.gauge("node_btrfs_device_size_bytes",
            "Size of a device that is part of the filesystem.", "uuid", "device");

    private final HostPaths paths;

    public BtrfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "btrfs";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path root = paths.sys("fs", "btrfs");
        List<Btrfs.Filesystem> filesystems = new ArrayList<>();
        for (String name : KernelFiles.list(root)) {
            if (name.indexOf('-') >= 0) {
                filesystems.add(read(root.resolve(name), name));
            }
        }
        for (Btrfs.Filesystem fs : filesystems) {
            String uuid = fs.uuid();
            sink.add(INFO, 1, uuid, fs.label());
            sink.add(GLOBAL_RSV, Unsigned.toDouble(fs.globalRsvSize()), uuid);
            for (Btrfs.Allocation allocation : fs.allocation()) {
                sink.add(RESERVED, Unsigned.toDouble(allocation.reservedBytes()), uuid, allocation.type());
                for (Map.Entry<String, Btrfs.Layout> layout : allocation.layouts().entrySet()) {
                    Btrfs.Layout usage = layout.getValue();
                    sink.add(USED, Unsigned.toDouble(usage.usedBytes()), uuid, allocation.type(), layout.getKey());
                    sink.add(SIZE, Unsigned.toDouble(usage.totalBytes()), uuid, allocation.type(), layout.getKey());
                    sink.add(RATIO, usage.ratio(), uuid, allocation.type(), layout.getKey());
                }
            }
            for (Map.Entry<String, Long> device : fs.deviceSizes().entrySet()) {
                sink.add(DEVICE_SIZE, Unsigned.toDouble(device.getValue()), uuid, device.getKey());
            }
        }
    }

    private static Btrfs.Filesystem read(Path dir, String name) throws IOException {
        Reader reader = new Reader(dir);
        Map<String, Long> devices = new LinkedHashMap<>();
        for (String device : reader.list("devices")) {
            devices.put(device, Btrfs.SECTOR_SIZE * reader.value("devices/" + device + "/size"));
        }
        String label = reader.text("label");
        String uuid = reader.text("metadata_uuid");
        List<String> features = reader.list("features");
        long globalRsvReserved = reader.value("allocation/global_rsv_reserved");
        long globalRsvSize = reader.value("allocation/global_rsv_size");
        List<Btrfs.Allocation> allocation = new ArrayList<>();
        for (String type : List.of("data", "metadata", "system")) {
            // procfs gives each block group type a fresh reader and then takes over its error,
            // so only the last one's error counts.
            Reader sub = new Reader(dir.resolve("allocation").resolve(type));
            long reserved = sub.value("bytes_reserved");
            long used = sub.value("bytes_used");
            long total = sub.value("total_bytes");
            Map<String, Btrfs.Layout> layouts = sub.layouts(devices.size());
            allocation.add(new Btrfs.Allocation(type, reserved, used, total, layouts));
            reader.error = sub.error;
        }
        if (reader.error != null) {
            throw new IOException("failed to retrieve Btrfs stats from procfs: " + reader.error.getMessage(),
                    reader.error);
        }
        return new Btrfs.Filesystem(uuid.isEmpty() ? name : uuid, label, features, globalRsvReserved, globalRsvSize,
                devices, allocation);
    }

    /**
     * Reads attributes under one directory the way procfs's btrfs reader does: a missing file is
     * empty, any other failure is remembered, and after a failure values read as zero.
     */
    private static final class Reader {
        private final Path dir;
        private IOException error;

        Reader(Path dir) {
            this.dir = dir;
        }

        String text(String file) {
            try {
                return KernelFiles.readTrimmed(dir.resolve(file));
            } catch (NoSuchFileException e) {
                return "";
            } catch (IOException e) {
                error = e;
                return "";
            }
        }

        long value(String file) {
            String text = text(file);
            return error != null ? 0 : Btrfs.value(text);
        }

        List<String> list(String subdir) {
            Path path = dir.resolve(subdir);
            if (!Files.isDirectory(path)) {
                error = new NoSuchFileException(path.toString());
                return List.of();
            }
            try {
                return KernelFiles.list(path);
            } catch (IOException e) {
                error = e;
                return List.of();
            }
        }

        Map<String, Btrfs.Layout> layouts(int devices) {
            Map<String, Btrfs.Layout> layouts = new LinkedHashMap<>();
            for (String entry : list(".")) {
                if (Files.isDirectory(dir.resolve(entry), LinkOption.NOFOLLOW_LINKS)) {
                    layouts.put(entry, new Btrfs.Layout(value(entry + "/total_bytes"), value(entry + "/used_bytes"),
                            Btrfs.ratio(entry, devices)));
                }
            }
            return layouts;
        }
    }
}
