package dev.vigil.container.proc;

import java.util.OptionalLong;

/** Reads totals from {@code /proc/meminfo}, whose values are in kB (KiB). */
public final class MemInfo {
    private MemInfo() {
    }

    /** {@code MemTotal} in bytes ({@code machine_memory_bytes}), or empty when the line is missing. */
    public static OptionalLong memTotalBytes(String meminfo) {
        return kibibytesAsBytes(meminfo, "MemTotal");
    }

    /** {@code SwapTotal} in bytes ({@code machine_swap_bytes}), or empty when the line is missing. */
    public static OptionalLong swapTotalBytes(String meminfo) {
        return kibibytesAsBytes(meminfo, "SwapTotal");
    }

    /**
     * A {@code Key:   1234 kB} line's value × 1024.
     *
     * @throws IllegalArgumentException when the line is there but its value is not {@code <n> kB}
     */
    public static OptionalLong kibibytesAsBytes(String meminfo, String key) {
        String prefix = key + ":";
        for (String line : meminfo.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            String[] fields = line.substring(prefix.length()).strip().split("\\s+");
            if (fields.length != 2 || !fields[1].equals("kB")) {
                throw new IllegalArgumentException("expected '<n> kB' in meminfo line: " + line.strip());
            }
            return OptionalLong.of(Math.multiplyExact(Numbers.parseUnsigned(fields[0], line), 1024L));
        }
        return OptionalLong.empty();
    }
}
