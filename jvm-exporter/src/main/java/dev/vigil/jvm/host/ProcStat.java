package dev.vigil.jvm.host;

/**
 * What we need from {@code /proc/<pid>/stat}, in clock ticks (USER_HZ, 100 per second on every
 * Linux architecture we run on).
 *
 * @param userTicks field 14, utime
 * @param systemTicks field 15, stime
 * @param startTicks field 22, starttime after boot: with the PID, the process's identity
 */
public record ProcStat(long userTicks, long systemTicks, long startTicks) {
    /** USER_HZ; the kernel's ABI value, not the scheduler's HZ. */
    public static final double TICKS_PER_SECOND = 100.0;

    /** Parses the line; the command name may hold spaces and parentheses, so fields are counted after the last ')'. */
    public static ProcStat parse(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        String[] fields = line.substring(close + 2).strip().split(" ");
        // fields[0] is field 3 (state)
        if (fields.length < 20) {
            throw new IllegalArgumentException("short /proc/<pid>/stat line: " + fields.length + " fields after the name");
        }
        return new ProcStat(Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[19]));
    }

    public double cpuSeconds() {
        return (userTicks + systemTicks) / TICKS_PER_SECOND;
    }
}
