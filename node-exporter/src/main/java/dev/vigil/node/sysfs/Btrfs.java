package dev.vigil.node.sysfs;

import java.util.List;
import java.util.Map;

/**
 * A Btrfs filesystem as {@code /sys/fs/btrfs/<uuid>/} describes it, in the shape prometheus/procfs
 * 0.8 reads it. The collector walks the directory; this class holds the records and the pure rules.
 */
public final class Btrfs {
    /** Device sizes in sysfs are in 512-byte sectors. */
    public static final long SECTOR_SIZE = 512;

    private Btrfs() {
    }

    /**
     * One filesystem.
     *
     * @param uuid {@code metadata_uuid}, or the directory's name when that file is missing or empty
     * @param deviceSizes per member device (the {@code devices/} entries) its size in bytes
     * @param allocation {@code data}, {@code metadata} and {@code system}, in that order
     */
    public record Filesystem(String uuid, String label, List<String> features, long globalRsvReserved,
            long globalRsvSize, Map<String, Long> deviceSizes, List<Allocation> allocation) {
    }

    /**
     * One block group type's allocation ({@code allocation/data} and so on).
     *
     * @param layouts per RAID profile directory ({@code single}, {@code dup}, {@code raid1}...) its usage
     */
    public record Allocation(String type, long reservedBytes, long usedBytes, long totalBytes,
            Map<String, Layout> layouts) {
    }

    /** A profile's space: allocated, used, and the ratio of raw to usable space. */
    public record Layout(long totalBytes, long usedBytes, double ratio) {
    }

    /**
     * How many raw bytes a profile uses per byte stored, given the filesystem's number of devices;
     * 0 for profiles prometheus/procfs 0.8 does not know ({@code raid1c3}, {@code raid1c4}).
     */
    public static double ratio(String layout, int devices) {
        return switch (layout) {
            case "single", "raid0" -> 1;
            case "dup", "raid1", "raid10" -> 2;
            case "raid5" -> devices / (devices - 1.0);
            case "raid6" -> devices / (devices - 2.0);
            default -> 0;
        };
    }

    /** An attribute's number as procfs reads it: trimmed, unsigned decimal, and 0 if it is not one. */
    public static long value(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || !Character.isDigit(trimmed.charAt(0))) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(trimmed);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
