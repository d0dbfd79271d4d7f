package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Mounts;
import dev.vigil.node.procfs.Mounts.Mount;
import dev.vigil.exporter.syscall.Statfs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Filesystem sizes and inode counts from {@code statfs(2)} on every mount in {@code
 * <procfs>/1/mounts} (falling back to {@code <procfs>/mounts}), mount points relative to {@code
 * --path.rootfs}. Each statfs runs on its own thread with its own deadline: a mount that does not
 * answer within {@code --collector.filesystem.mount-timeout} is reported with {@code
 * node_filesystem_device_error} 1 and left alone until its pending call returns, so one dead NFS
 * server never stalls the other mounts or later scrapes.
 */
public final class FilesystemCollector implements Collector, AutoCloseable {
    public static final CollectorFactory FACTORY = new Factory();

    static final String DEFAULT_MOUNT_POINTS_EXCLUDE =
            "^/(dev|proc|run|sys|mnt|media|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)";
    static final String DEFAULT_FS_TYPES_EXCLUDE = "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs"
            + "|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs"
            + "|squashfs|sysfs|tracefs)$";

    private static final Log LOG = Log.get(FilesystemCollector.class);
    private static final String[] LABELS = {"device", "mountpoint", "fstype"};
    private static final Desc SIZE = Desc.gauge("node_filesystem_size_bytes", "Filesystem size in bytes.", LABELS);
    private static final Desc FREE = Desc.gauge("node_filesystem_free_bytes", "Filesystem free space in bytes.", LABELS);
    private static final Desc AVAIL = Desc.gauge("node_filesystem_avail_bytes",
            "Filesystem space available to non-root users in bytes.", LABELS);
    private static final Desc FILES = Desc.gauge("node_filesystem_files", "Filesystem total file nodes.", LABELS);
    private static final Desc FILES_FREE = Desc.gauge("node_filesystem_files_free", "Filesystem total free file nodes.",
            LABELS);
    private static final Desc READONLY = Desc.gauge("node_filesystem_readonly", "Filesystem read-only status.", LABELS);
    private static final Desc DEVICE_ERROR = Desc.gauge("node_filesystem_device_error",
            "Whether an error occurred while getting statistics for the given device.", LABELS);

    /** The statfs call; tests replace it with one that blocks. */
    public interface StatfsCall {
        Statfs statfs(String path) throws IOException;
    }

    private final HostPaths paths;
    private final Pattern mountPointsExclude;
    private final Pattern fsTypesExclude;
    private final Duration mountTimeout;
    private final StatfsCall call;
    /** Mount points whose statfs has not returned in time; each leaves the set when its call returns. */
    private final Set<String> stuck = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "filesystem-statfs");
        thread.setDaemon(true);
        return thread;
    });

    public FilesystemCollector(HostPaths paths, String mountPointsExclude, String fsTypesExclude, Duration mountTimeout,
            StatfsCall call) {
        this.paths = paths;
        this.mountPointsExclude = Pattern.compile(mountPointsExclude);
        this.fsTypesExclude = Pattern.compile(fsTypesExclude);
        this.mountTimeout = mountTimeout;
        this.call = call;
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        List<Mount> mounts = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (Mount mount : Mounts.parse(readMounts())) {
            String mountPoint = paths.stripRootfsPrefix(mount.mountPoint());
            if (mountPointsExclude.matcher(mountPoint).find()) {
                LOG.debug("Ignoring mount point", "mountpoint", mountPoint);
                continue;
            }
            if (fsTypesExclude.matcher(mount.fsType()).find()) {
                LOG.debug("Ignoring fs", "type", mount.fsType());
                continue;
            }
            // node_exporter exposes a device/mountpoint/fstype once, the first time it is listed.
            if (seen.add(List.of(mount.device(), mountPoint, mount.fsType()))) {
                mounts.add(new Mount(mount.device(), mountPoint, mount.fsType(), mount.options()));
            }
        }

        List<Future<Statfs>> calls = new ArrayList<>(mounts.size());
        for (Mount mount : mounts) {
            calls.add(stuck.contains(mount.mountPoint()) ? null : start(mount.mountPoint()));
        }
        long deadline = System.nanoTime() + mountTimeout.toNanos();
        for (int i = 0; i < mounts.size(); i++) {
            Mount mount = mounts.get(i);
            String[] labels = {mount.device(), mount.mountPoint(), mount.fsType()};
            Statfs stats = await(mount.mountPoint(), calls.get(i), deadline);
            sink.add(DEVICE_ERROR, stats == null ? 1 : 0, labels);
            if (stats == null) {
                continue;
            }
            sink.add(SIZE, stats.sizeBytes(), labels);
            sink.add(FREE, stats.freeBytes(), labels);
            sink.add(AVAIL, stats.availableBytes(), labels);
            sink.add(FILES, stats.files(), labels);
            sink.add(FILES_FREE, stats.filesFree(), labels);
            sink.add(READONLY, mount.readOnly() ? 1 : 0, labels);
        }
    }

    /** Stops the statfs threads; one stuck in the kernel stays until its call returns. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private String readMounts() throws IOException {
        try {
            return KernelFiles.read(paths.proc("1", "mounts"));
        } catch (NoSuchFileException e) {
            // hidepid hides PID 1's view; the reader's own is the next best.
            LOG.debug("Reading root mounts failed, falling back to system mounts", "err", e.getMessage());
            return KernelFiles.read(paths.proc("mounts"));
        }
    }

    private Future<Statfs> start(String mountPoint) {
        String path = paths.root(mountPoint.startsWith("/") ? mountPoint.substring(1) : mountPoint).toString();
        return workers.submit(() -> {
            try {
                return call.statfs(path);
            } finally {
                if (stuck.remove(mountPoint)) {
                    LOG.info("Mount point has recovered, monitoring will resume", "mountpoint", mountPoint);
                }
            }
        });
    }

    /** The call's result, or null for an error, a stuck mount or a call that overran the deadline. */
    private Statfs await(String mountPoint, Future<Statfs> call, long deadline) {
        if (call == null) {
            LOG.debug("Mount point is in an unresponsive state", "mountpoint", mountPoint);
            return null;
        }
        try {
            return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stuck.add(mountPoint);
            if (call.isDone()) {
                stuck.remove(mountPoint); // it returned between the timeout and the mark
            } else {
                LOG.warn("Mount point timed out, it is being labeled as stuck and will not be monitored",
                        "mountpoint", mountPoint, "timeout", mountTimeout);
            }
            return null;
        } catch (ExecutionException e) {
            LOG.debug("Error on statfs() system call", "rootfs", mountPoint, "err", String.valueOf(e.getCause().getMessage()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Flags as node_exporter 1.5 names them, with the deprecated spellings still accepted. */
    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "filesystem";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string("collector.filesystem.mount-points-exclude",
                    "Regexp of mount points to exclude for filesystem collector.", DEFAULT_MOUNT_POINTS_EXCLUDE);
            flags.string("collector.filesystem.ignored-mount-points",
                    "Regexp of mount points to ignore for filesystem collector. Deprecated: use "
                            + "--collector.filesystem.mount-points-exclude.", "");
            flags.string("collector.filesystem.fs-types-exclude",
                    "Regexp of filesystem types to exclude for filesystem collector.", DEFAULT_FS_TYPES_EXCLUDE);
            flags.string("collector.filesystem.ignored-fs-types",
                    "Regexp of filesystem types to ignore for filesystem collector. Deprecated: use "
                            + "--collector.filesystem.fs-types-exclude.", "");
            flags.duration("collector.filesystem.mount-timeout",
                    "How long to wait for a mount to respond before marking it as stale.", Duration.ofSeconds(5));
        }

        @Override
        public Collector create(CollectorContext context) {
            FlagSet flags = context.flags();
            String mountPoints = pick(flags, "collector.filesystem.mount-points-exclude",
                    "collector.filesystem.ignored-mount-points");
            String fsTypes = pick(flags, "collector.filesystem.fs-types-exclude", "collector.filesystem.ignored-fs-types");
            Duration timeout = (Duration) flags.lookup("collector.filesystem.mount-timeout").get();
            try {
                return new FilesystemCollector(context.paths(), mountPoints, fsTypes, timeout, Statfs::of);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("bad filesystem exclude pattern: " + e.getMessage(), e);
            }
        }

        private static String pick(FlagSet flags, String current, String deprecated) {
            var now = flags.lookup(current);
            var old = flags.lookup(deprecated);
            if (old.isSet()) {
                if (now.isSet()) {
                    throw new IllegalArgumentException("--" + current + " and --" + deprecated + " are mutually exclusive");
                }
                LOG.warn("--" + deprecated + " is DEPRECATED and will be removed in 2.0.0, use --" + current);
                return (String) old.get();
            }
            return (String) now.get();
        }
    }
}
