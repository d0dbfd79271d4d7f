package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code container_start_time_seconds} of a raw cgroup (one no runtime claims), as cAdvisor's
 * {@code container/common/helpers.go} computes its creation time: the earliest modification time
 * among the cgroup's directories (one per v1 hierarchy, or the single v2 one) and a file in each
 * that is rarely touched after creation ({@code cgroup.clone_children} on v1,
 * {@code cgroup.events} on v2), because a directory's own mtime moves whenever a child cgroup is
 * created. The result is clamped to be no earlier than boot (cgroupfs has no older files), and a
 * cgroup none of whose paths exist has no start time.
 *
 * <p>cgroupfs keeps no birth time and its ctime equals its mtime, so mtime is what there is.
 */
public final class CgroupStartTime {
    private final HostPaths paths;

    public CgroupStartTime(HostPaths paths) {
        this.paths = paths;
    }

    /**
     * The start time of the cgroup whose directories are given (already resolved under
     * {@code --path.sysfs}), or empty when none of them exists.
     *
     * @param unified whether the host runs cgroup v2 only (hybrid counts as v1, as in cAdvisor)
     * @param now the current time (cAdvisor ignores times not before it)
     * @throws IOException when {@code <procfs>/uptime} cannot be read or is malformed
     */
    public Optional<Instant> startTime(Collection<Path> cgroupDirs, boolean unified, Instant now) throws IOException {
        Path uptime = paths.proc("uptime");
        Instant bootTime;
        try {
            bootTime = BootTime.fromUptime(Files.readString(uptime), now);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed " + uptime + ": " + e.getMessage(), e);
        }
        return startTime(cgroupDirs, unified, now, bootTime);
    }

    /** As {@link #startTime(Collection, boolean, Instant)} with a boot time the caller keeps. */
    public static Optional<Instant> startTime(Collection<Path> cgroupDirs, boolean unified, Instant now,
            Instant bootTime) {
        String marker = unified ? "cgroup.events" : "cgroup.clone_children";
        List<Instant> times = new ArrayList<>();
        for (Path dir : cgroupDirs) {
            Optional<Instant> dirTime = modified(dir);
            if (dirTime.isEmpty()) {
                continue;
            }
            times.add(dirTime.get());
            modified(dir.resolve(marker)).ifPresent(times::add);
        }
        return earliest(times, now, bootTime);
    }

    /**
     * The pure rule: the earliest of the times that is before {@code now}, raised to
     * {@code bootTime} if earlier; empty when there is none (cAdvisor then sets no creation time).
     */
    public static Optional<Instant> earliest(Collection<Instant> times, Instant now, Instant bootTime) {
        Instant lowest = now;
        for (Instant t : times) {
            if (t.isBefore(lowest)) {
                lowest = t;
            }
        }
        if (lowest.isBefore(bootTime)) {
            lowest = bootTime;
        }
        return lowest.equals(now) ? Optional.empty() : Optional.of(lowest);
    }

    private static Optional<Instant> modified(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class).lastModifiedTime().toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
