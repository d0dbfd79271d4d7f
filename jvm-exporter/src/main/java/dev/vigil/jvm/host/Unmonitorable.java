package dev.vigil.jvm.host;

/**
 * A java process whose counters cannot be read, and why.
 *
 * @param reason a short stable token for the label: {@link #NO_PERF_DATA}, {@link #PERMISSION_DENIED}
 *     or {@link #MALFORMED}
 * @param detail the explanation for the log
 */
public record Unmonitorable(int pid, String user, String container, String reason, String detail) {
    /** No hsperfdata file: {@code -XX:-UsePerfData}, {@code -XX:+PerfDisableSharedMem}, or a /tmp we cannot see. */
    public static final String NO_PERF_DATA = "no_perf_data";
    /** The file or the process's root exists but this exporter's user may not read it. */
    public static final String PERMISSION_DENIED = "permission_denied";
    /** A file that is not (or no longer) a valid perf data region. */
    public static final String MALFORMED = "malformed";
}
