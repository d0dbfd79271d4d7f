package dev.vigil.node.sysfs;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel CPU list such as {@code /sys/devices/system/cpu/isolated}: comma-separated CPU numbers
 * and inclusive ranges, e.g. {@code 1,3-5}. Read as prometheus/procfs reads it: empty parts are
 * skipped, numbers are kept as the kernel's 16-bit CPU ids.
 */
public final class CpuList {
    private CpuList() {
    }

    /**
     * The CPUs in the list, in the order written (ranges expanded).
     *
     * @throws IllegalArgumentException if a part is not a number or a range of two numbers
     */
    public static List<Integer> parse(String text) {
        String list = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            if (dash >= 0) {
                String[] bounds = part.split("-", -1);
                if (bounds.length != 2) {
                    throw new IllegalArgumentException("invalid cpu range: " + part);
                }
                int start = number(bounds[0], "invalid cpu start range");
                int end = number(bounds[1], "invalid cpu end range");
                for (int i = start; i <= end; i++) {
                    cpus.add(i & 0xFFFF);
                }
            } else {
                cpus.add(number(part, "invalid cpu") & 0xFFFF);
            }
        }
        return cpus;
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": \"" + text + "\"", e);
        }
    }
}
