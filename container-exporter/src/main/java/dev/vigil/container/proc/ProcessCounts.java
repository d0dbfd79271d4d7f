package dev.vigil.container.proc;

/**
 * What {@code container_processes}, {@code container_threads}, {@code container_file_descriptors},
 * {@code container_sockets} and {@code container_threads_max} report for one cgroup.
 *
 * @param processes the PIDs listed in the cgroup's {@code cgroup.procs}, as cAdvisor counts them
 *     (a PID that exited after the listing still counts)
 * @param threads Σ {@code Threads:} of {@code /proc/<pid>/status} over the PIDs still alive; cAdvisor
 *     reports {@code pids.current} instead where the pids controller is on, and this is the value
 *     for when it is not
 * @param fileDescriptors Σ entries of {@code /proc/<pid>/fd} over the PIDs whose fd directory could
 *     be listed
 * @param sockets how many of those fd links point at {@code socket:[inode]}
 * @param threadsMax {@code pids.max} as the caller read it ({@code max} ⇒ 0), passed through
 */
public record ProcessCounts(long processes, long threads, long fileDescriptors, long sockets, long threadsMax) {
}
