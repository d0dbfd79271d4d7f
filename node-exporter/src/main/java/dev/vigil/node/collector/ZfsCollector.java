package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Unsigned;
import dev.vigil.node.procfs.ZfsKstat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ZFS on Linux statistics from {@code /proc/spl/kstat/zfs}: the module's kstats (ARC, ZIL, dbuf,
 * ...), and per pool its I/O counters, per-dataset counters and state. Every kstat value becomes
 * an untyped sample whose HELP is the kstat's sysctl name, as in node_exporter.
 */
public final class ZfsCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("zfs", true, context -> new ZfsCollector(context.paths()));

    private static final Log LOG = Log.get(ZfsCollector.class);

    /** Metric name prefix to kstat file. */
    private static final Map<String, String> SUBSYSTEMS = Map.ofEntries(
            Map.entry("node_zfs_abd_", "abdstats"), Map.entry("node_zfs_arc_", "arcstats"),
            Map.entry("node_zfs_dbuf_", "dbufstats"), Map.entry("node_zfs_dmu_tx_", "dmu_tx"),
            Map.entry("node_zfs_dnode_", "dnodestats"), Map.entry("node_zfs_fm_", "fm"),
            Map.entry("node_zfs_vdev_cache_", "vdev_cache_stats"),
            Map.entry("node_zfs_vdev_mirror_", "vdev_mirror_stats"), Map.entry("node_zfs_xuio_", "xuio_stats"),
            Map.entry("node_zfs_zfetch_", "zfetchstats"), Map.entry("node_zfs_zil_", "zil"));

    private static final List<String> POOL_STATES =
            List.of("online", "degraded", "faulted", "offline", "removed", "unavail");
    private static final Desc POOL_STATE = Desc.gauge("node_zfs_zpool_state", "kstat.zfs.misc.state", "zpool",
            "state");

    private final HostPaths paths;
    private final Map<String, Map<String, Desc>> descs = new ConcurrentHashMap<>();

    public ZfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "zfs";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path base = paths.proc("spl", "kstat", "zfs");
        if (!Files.exists(base)) {
            throw new NoDataException("ZFS / ZFS statistics are not available");
        }
        try {
            for (Map.Entry<String, String> subsystem : SUBSYSTEMS.entrySet()) {
                String text;
                try {
                    text = KernelFiles.read(base.resolve(subsystem.getValue()));
                } catch (NoSuchFileException e) {
                    LOG.debug("Cannot open file for reading", "path", base.resolve(subsystem.getValue()));
                    continue;
                }
                for (ZfsKstat.Named stat : parseNamed(text, subsystem.getValue())) {
                    if (stat.type().equals(ZfsKstat.UINT64)) {
                        sink.add(desc(subsystem.getKey(), subsystem.getValue(), stat.name()),
                                Unsigned.toDouble(stat.unsigned()));
                    }
                }
            }
            List<String> pools = new ArrayList<>();
            for (String entry : KernelFiles.list(base)) {
                if (Files.isDirectory(base.resolve(entry))) {
                    pools.add(entry);
                }
            }
            for (String pool : pools) {
                poolIo(sink, pool, base.resolve(pool).resolve("io"));
            }
            for (String pool : pools) {
                for (String file : KernelFiles.list(base.resolve(pool))) {
                    if (file.startsWith("objset-")) {
                        objset(sink, pool, base.resolve(pool).resolve(file));
                    }
                }
            }
            for (String pool : pools) {
                poolState(sink, pool, base.resolve(pool).resolve("state"));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<ZfsKstat.Named> parseNamed(String text, String what) {
        try {
            return ZfsKstat.named(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("did not parse a single \"" + what + "\" metric", e);
        }
    }

    private void poolIo(MetricSink sink, String pool, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        ZfsKstat.Io io = ZfsKstat.io(KernelFiles.read(file));
        for (long[] row : io.rows()) {
            for (int i = 0; i < row.length; i++) {
                sink.add(desc("node_zfs_zpool_", "io", io.fields().get(i), "zpool"), Unsigned.toDouble(row[i]), pool);
            }
        }
    }

    private void objset(MetricSink sink, String pool, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String dataset = "";
        for (ZfsKstat.Named stat : parseNamed(KernelFiles.read(file), pool + " objset")) {
            if (stat.name().equals("dataset_name")) {
                dataset = stat.data();
            } else if (stat.type().equals(ZfsKstat.UINT64)) {
                sink.add(desc("node_zfs_zpool_dataset_", "objset", stat.name(), "zpool", "dataset"),
                        Unsigned.toDouble(stat.unsigned()), pool, dataset);
            }
        }
    }

    private static void poolState(MetricSink sink, String pool, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String text = KernelFiles.read(file);
        int newline = text.indexOf('\n');
        String state = (newline < 0 ? text : text.substring(0, newline)).toLowerCase(Locale.ROOT);
        for (String name : POOL_STATES) {
            sink.add(POOL_STATE, state.equals(name) ? 1 : 0, pool, name);
        }
    }

    /**
     * The family for statistic {@code name} of kstat {@code file}, cached per prefix and file: its
     * HELP is the sysctl name ({@code kstat.zfs.misc.arcstats.hits}), its name the sysctl's last
     * part with dashes as underscores.
     */
    private Desc desc(String prefix, String file, String name, String... labels) {
        return descs.computeIfAbsent(prefix, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, key -> {
                    String sysctl = "kstat.zfs.misc." + file + "." + name;
                    String last = sysctl.substring(sysctl.lastIndexOf('.') + 1).replace('-', '_');
                    return Desc.untyped(prefix + last, sysctl, labels);
                });
    }
}
