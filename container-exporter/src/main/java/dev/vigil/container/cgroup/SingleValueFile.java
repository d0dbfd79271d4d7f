package dev.vigil.container.cgroup;

import java.util.OptionalLong;

/**
 * Files holding one number: {@code memory.current}, {@code cpuacct.usage}, {@code pids.current},
 * and limits that may read {@code max} ({@code memory.max}, {@code pids.max}).
 */
public final class SingleValueFile {
    /** What {@code max} parses to: "no limit", as the u64 limit files' huge values also saturate to. */
    public static final long MAX = Long.MAX_VALUE;

    /**
     * cAdvisor reports a limit above 2^62 as 0 ("no limit"): v1's unlimited memory limit is
     * 9223372036854771712 (a page-aligned LONG_MAX), v2 prints {@code max}.
     */
    private static final long UNLIMITED_ABOVE = 1L << 62;

    private SingleValueFile() {
    }

    /** An unsigned value; {@code max} reads as {@link #MAX}; empty when the text is not a number. */
    public static OptionalLong parse(String text) {
        String value = text.strip();
        if (value.equals("max")) {
            return OptionalLong.of(MAX);
        }
        Long parsed = Numbers.parseUnsigned(value);
        return parsed == null ? OptionalLong.empty() : OptionalLong.of(parsed);
    }

    /** A signed value such as v1 {@code cpu.cfs_quota_us} ({@code -1} = unlimited). */
    public static OptionalLong parseSigned(String text) {
        Long parsed = Numbers.parseSigned(text.strip());
        return parsed == null ? OptionalLong.empty() : OptionalLong.of(parsed);
    }

    /** A memory limit as cAdvisor reports it: {@code max} or anything above 2^62 becomes 0. */
    public static long cadvisorLimit(long value) {
        return value > UNLIMITED_ABOVE ? 0 : value;
    }
}
