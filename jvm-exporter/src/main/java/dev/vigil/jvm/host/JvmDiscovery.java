package dev.vigil.jvm.host;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.jvm.perfdata.MalformedPerfDataException;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Finds the host's JVMs on each scan and keeps what it found: a monitored JVM's region stays mapped
 * until its process exits (or its PID is reused), and a process already known not to be a JVM is
 * not looked at again.
 *
 * <p>Where a process's region is looked for: in {@code <rootfs>/tmp/hsperfdata_*} under its PID
 * when the process is in the procfs' PID namespace, else (or when not there) in
 * {@code <procfs>/<pid>/root/tmp/hsperfdata_*} under the PID it has in its own namespace, which
 * also covers systemd's PrivateTmp. Which processes are looked at: every process once when first
 * seen, a process that appeared after the first scan again on each scan of its first
 * {@value #YOUNG_SECONDS} seconds (it may not have exec'd java or created its file yet), and a
 * process named {@code java} on every scan until it is found (so one without a region stays listed
 * as unmonitorable).
 *
 * <p>Not thread-safe: one scan at a time, as the collector registry guarantees.
 */
public final class JvmDiscovery {
    private static final Log LOG = Log.get(JvmDiscovery.class);
    static final int YOUNG_SECONDS = 30;
    private static final String PREFIX = "hsperfdata_";
    private static final long PASSWD_TTL_NANOS = Duration.ofMinutes(1).toNanos();

    private final HostPaths paths;
    private final LongSupplier nanoTime;
    private final UserDirs hostUserDirs;
    private final Map<Integer, HostJvm> jvms = new HashMap<>();
    private final Map<Integer, Known> processes = new HashMap<>();
    private final Set<String> logged = new HashSet<>();
    private boolean firstScanDone;
    private Map<Integer, String> passwd;
    private long passwdReadAt;

    /** What one scan found. */
    public record Scan(List<Found> jvms, List<Unmonitorable> unmonitorable) {
    }

    /** A monitored JVM with its process's {@code stat} as read during this scan. */
    public record Found(HostJvm jvm, ProcStat stat) {
    }

    private static final class Known {
        ProcStatus status;
        final long firstSeen;
        final boolean young;

        Known(ProcStatus status, long firstSeen, boolean young) {
            this.status = status;
            this.firstSeen = firstSeen;
            this.young = young;
        }
    }

    public JvmDiscovery(HostPaths paths) {
        this(paths, System::nanoTime);
    }

    JvmDiscovery(HostPaths paths, LongSupplier nanoTime) {
        this.paths = paths;
        this.nanoTime = nanoTime;
        this.hostUserDirs = new UserDirs(paths.root("tmp"), System::currentTimeMillis);
    }

    /** Lists the live JVMs and the java processes that cannot be read. */
    public Scan scan() throws IOException {
        long now = nanoTime.getAsLong();
        Set<Integer> live = livePids();
        processes.keySet().retainAll(live);
        jvms.keySet().retainAll(live);
        logged.removeIf(key -> !live.contains(Integer.parseInt(key.substring(0, key.indexOf(' ')))));
        Map<Integer, Path> hostFiles = hostFiles();

        List<Found> found = new ArrayList<>();
        List<Unmonitorable> unmonitorable = new ArrayList<>();
        for (int pid : live) {
            HostJvm jvm = jvms.get(pid);
            if (jvm != null) {
                ProcStat stat = readStat(pid);
                if (stat != null && stat.startTicks() == jvm.startTicks()) {
                    found.add(new Found(jvm, stat));
                    continue;
                }
                jvms.remove(pid); // gone, or the PID now belongs to another process
                processes.remove(pid);
            }
            Known known = processes.get(pid);
            boolean firstLook = known == null;
            if (firstLook) {
                ProcStatus status = readStatus(pid);
                if (status == null) {
                    continue;
                }
                known = new Known(status, now, firstScanDone);
                processes.put(pid, known);
            }
            boolean young = known.young && now - known.firstSeen < Duration.ofSeconds(YOUNG_SECONDS).toNanos();
            if (young && !firstLook) {
                ProcStatus status = readStatus(pid); // it may have exec'd java since
                if (status == null) {
                    continue;
                }
                known.status = status;
            }
            Path hostFile = known.status.inChildPidNamespace() ? null : hostFiles.get(pid);
            boolean java = known.status.name().equals("java");
            if (hostFile == null && !firstLook && !young && !java) {
                continue;
            }
            Unmonitorable problem = open(pid, known.status, hostFile, found);
            if (problem != null && (java || hostFile != null)) {
                unmonitorable.add(problem);
                if (logged.add(pid + " " + problem.reason())) {
                    LOG.warn("JVM cannot be monitored", "pid", pid, "reason", problem.reason(), "detail",
                            problem.detail());
                }
            }
        }
        firstScanDone = true;
        return new Scan(found, unmonitorable);
    }

    /** Finds and maps the region of {@code pid}; a problem when there is none or it cannot be read. */
    private Unmonitorable open(int pid, ProcStatus status, Path hostFile, List<Found> found) throws IOException {
        String user = userName(status.uid());
        Path file = hostFile;
        try {
            Path root = paths.proc(Integer.toString(pid), "root");
            if (file == null && (status.inChildPidNamespace() || !sharesHostTmp(root))) {
                file = findInRoot(root, status.innermostPid(pid));
            }
            if (file == null) {
                return new Unmonitorable(pid, user, container(pid), Unmonitorable.NO_PERF_DATA,
                        "no hsperfdata file: started with -XX:-UsePerfData or -XX:+PerfDisableSharedMem, or its /tmp "
                                + "is not visible through " + paths.proc(Integer.toString(pid), "root"));
            }
            user = file.getParent().getFileName().toString().substring(PREFIX.length());
            ProcStat stat = readStat(pid);
            if (stat == null) {
                return null;
            }
            HostJvm jvm = new HostJvm(pid, stat.startTicks(), file, user, container(pid), map(file));
            jvms.put(pid, jvm);
            found.add(new Found(jvm, stat));
            return null;
        } catch (AccessDeniedException e) {
            return new Unmonitorable(pid, user, container(pid), Unmonitorable.PERMISSION_DENIED,
                    "may not read " + e.getFile() + ": run the exporter as root (or as the JVM's user)");
        } catch (MalformedPerfDataException e) {
            return new Unmonitorable(pid, user, container(pid), Unmonitorable.MALFORMED, file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            return null; // exited while we looked
        }
    }

    /**
     * Whether the process's {@code /tmp} is the host's (same device and inode): then the host's
     * listing already answered for it, and listing that {@code /tmp} again through
     * {@code /proc/<pid>/root} would find nothing new. Every short-lived process a scrape sees (the
     * scraper's own curl, shells) is looked at once, so this saves a listing of a possibly large
     * directory per process. False when it cannot be told (then the root is searched, as before).
     */
    private boolean sharesHostTmp(Path root) {
        Object hostTmp = hostUserDirs.tmpKey();
        if (hostTmp == null) {
            return false;
        }
        try {
            return hostTmp.equals(Files.readAttributes(root.resolve("tmp"), BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code <root>/tmp/hsperfdata_<user>/<pid>}, or null when no user directory holds it. */
    private static Path findInRoot(Path root, int pid) throws IOException {
        Path tmp = root.resolve("tmp");
        String name = Integer.toString(pid);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return null;
    }

    /** Every {@code <rootfs>/tmp/hsperfdata_<user>/<pid>} by PID; a file whose process is gone is simply never asked for. */
    private Map<Integer, Path> hostFiles() throws IOException {
        Map<Integer, Path> files = new HashMap<>();
        for (Path dir : hostUserDirs.get()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path file : entries) {
                    int pid = parsePid(file.getFileName().toString());
                    if (pid > 0) {
                        files.put(pid, file);
                    }
                }
            } catch (AccessDeniedException | NoSuchFileException | java.nio.file.NotDirectoryException e) {
                // a user's directory we may not list (or gone); its JVMs are reported when we reach their processes
            }
        }
        return files;
    }

    private Set<Integer> livePids() throws IOException {
        Set<Integer> pids = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(paths.procfs())) {
            for (Path entry : entries) {
                int pid = parsePid(entry.getFileName().toString());
                if (pid > 0) {
                    pids.add(pid);
                }
            }
        }
        return pids;
    }

    private static int parsePid(String name) {
        if (name.isEmpty() || name.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private static MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()); // stays valid after close
        }
    }

    private ProcStatus readStatus(int pid) throws IOException {
        String text = readOrNull(paths.proc(Integer.toString(pid), "status"));
        try {
            return text == null ? null : ProcStatus.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.debug("Unreadable status, process skipped", "pid", pid, "err", e.getMessage());
            return null;
        }
    }

    ProcStat readStat(int pid) throws IOException {
        String text = readOrNull(paths.proc(Integer.toString(pid), "stat"));
        try {
            return text == null ? null : ProcStat.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.debug("Unreadable stat, process skipped", "pid", pid, "err", e.getMessage());
            return null;
        }
    }

    private String container(int pid) throws IOException {
        String text = readOrNull(paths.proc(Integer.toString(pid), "cgroup"));
        return text == null ? "" : ContainerIds.fromCgroup(text);
    }

    private String userName(int uid) throws IOException {
        long now = nanoTime.getAsLong();
        if (passwd == null || (!passwd.containsKey(uid) && now - passwdReadAt > PASSWD_TTL_NANOS)) {
            String text = readOrNull(paths.root("etc", "passwd"));
            passwd = text == null ? Map.of() : Passwd.parse(text);
            passwdReadAt = now;
        }
        return passwd.getOrDefault(uid, uid < 0 ? "" : Integer.toString(uid));
    }

    private static String readOrNull(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("No such process")) {
                return null; // ESRCH: the process exited between listing and reading
            }
            throw e;
        }
    }
}
