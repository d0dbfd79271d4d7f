package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Counts processes, threads, file descriptors and sockets for a cgroup's PIDs, as cAdvisor's
 * {@code process} kind does ({@code container/libcontainer/handler.go} {@code processStatsFromProcs}).
 *
 * <p>Processes come and go while we count: a PID whose files vanish, or that we may not read
 * (another user's {@code fd} directory without root), is skipped, never an error; so is an fd
 * closed between listing and reading its link.
 */
public final class ProcessCounter {
    private static final String SOCKET_PREFIX = "socket";

    private final HostPaths paths;

    public ProcessCounter(HostPaths paths) {
        this.paths = paths;
    }

    /** {@link #count(long[], long)} over a list. */
    public ProcessCounts count(List<Long> pids, long threadsMax) {
        return count(pids.stream().mapToLong(Long::longValue).toArray(), threadsMax);
    }

    /**
     * The counts for these PIDs (a cgroup's {@code cgroup.procs}).
     *
     * @param threadsMax the cgroup's {@code pids.max} ({@code max} ⇒ 0), reported as given
     */
    public ProcessCounts count(long[] pids, long threadsMax) {
        long threads = 0;
        long fds = 0;
        long sockets = 0;
        for (long pid : pids) {
            threads += threads(pid).orElse(0);
            Path fdDir = paths.proc(Long.toString(pid), "fd");
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(fdDir)) {
                for (Path fd : entries) {
                    fds++;
                    if (isSocket(fd)) {
                        sockets++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Gone or not ours to read (DirectoryIteratorException wraps a mid-listing failure):
                // cAdvisor skips the PID too. What was counted before the failure stays counted.
            }
        }
        return new ProcessCounts(pids.length, threads, fds, sockets, threadsMax);
    }

    /** The process's {@code Threads:} count, or empty when it is gone or its status is unreadable. */
    public OptionalLong threads(long pid) {
        try {
            return ProcStatus.threads(Files.readString(paths.proc(Long.toString(pid), "status")));
        } catch (IOException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The soft {@code Max open files} limit of the process (a container's root PID, PID 1 for
     * {@code /}), or empty when it is gone or the line is missing.
     */
    public OptionalLong maxOpenFilesSoft(long pid) {
        try {
            return ProcLimits.maxOpenFilesSoft(Files.readString(paths.proc(Long.toString(pid), "limits")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether an fd's link target is a socket ({@code socket:[12345]}); cAdvisor tests the prefix. */
    public static boolean isSocketTarget(String linkTarget) {
        return linkTarget.startsWith(SOCKET_PREFIX);
    }

    private static boolean isSocket(Path fd) {
        try {
            return isSocketTarget(Files.readSymbolicLink(fd).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
