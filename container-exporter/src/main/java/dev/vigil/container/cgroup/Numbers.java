package dev.vigil.container.cgroup;

/** Number parsing shared by the cgroup file parsers. */
final class Numbers {
    private Numbers() {
    }

    /**
     * An unsigned decimal as the kernel prints it, or null. Values above {@code Long.MAX_VALUE}
     * (u64 "unlimited" markers) saturate at {@code Long.MAX_VALUE}; every consumer treats those as
     * "no limit" anyway.
     */
    static Long parseUnsigned(String text) {
        if (text.isEmpty() || text.length() > 20) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException aboveLongRange) {
            try {
                Long.parseUnsignedLong(text);
                return Long.MAX_VALUE;
            } catch (NumberFormatException aboveU64) {
                return null;
            }
        }
    }

    /** A signed decimal (v1 {@code cpu.cfs_quota_us} is {@code -1} when unlimited), or null. */
    static Long parseSigned(String text) {
        if (text.startsWith("-")) {
            Long magnitude = parseUnsigned(text.substring(1));
            return magnitude == null || magnitude == Long.MAX_VALUE ? null : -magnitude;
        }
        return parseUnsigned(text);
    }

    /** A non-negative decimal with an optional fraction ({@code 0.12} in PSI averages), or null. */
    static Double parseDecimal(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')
                || text.indexOf('.') != text.lastIndexOf('.') || text.equals(".")) {
            return null;
        }
        return Double.parseDouble(text);
    }
}
