package dev.vigil.node.rootfs;

import dev.vigil.exporter.host.GoStrconv;

/**
 * {@code /etc/selinux/config} and the selinuxfs {@code enforce} file, read as opencontainers'
 * go-selinux (which node_exporter uses) reads them: modes are 1 (enforcing), 0 (permissive) and -1
 * (disabled, or anything that cannot be read).
 */
public final class SelinuxConfig {
    public static final int ENFORCING = 1;
    public static final int PERMISSIVE = 0;
    public static final int DISABLED = -1;

    private SelinuxConfig() {
    }

    /**
     * The boot-time mode {@code SELINUX=} sets: lines are trimmed, {@code #} and {@code ;} start
     * comments, the key must be exactly {@code SELINUX} and the value loses its double quotes only.
     */
    public static int configuredMode(String config) {
        String value = "";
        for (String raw : config.split("\n", -1)) {
            String line = GoStrconv.trimSpace(raw);
            if (line.isEmpty() || line.charAt(0) == ';' || line.charAt(0) == '#') {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            if (line.substring(0, eq).equals("SELINUX")) {
                value = trimQuotes(line.substring(eq + 1));
                break;
            }
        }
        return switch (value) {
            case "enforcing" -> ENFORCING;
            case "permissive" -> PERMISSIVE;
            default -> DISABLED;
        };
    }

    /**
     * The current mode from the selinuxfs {@code enforce} file, which the kernel writes without a
     * newline; anything but a plain integer is -1, as go-selinux has it.
     */
    public static int currentMode(String enforce) {
        try {
            return Math.toIntExact(GoStrconv.parseDecimal(enforce));
        } catch (NumberFormatException | ArithmeticException e) {
            return DISABLED;
        }
    }

    /** Whether a process label says the process runs as the kernel (SELinux then counts as disabled). */
    public static boolean isKernelLabel(String label) {
        String trimmed = label;
        if (trimmed.endsWith("\0")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.equals("kernel");
    }

    private static String trimQuotes(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '"') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '"') {
            end--;
        }
        return value.substring(start, end);
    }
}
