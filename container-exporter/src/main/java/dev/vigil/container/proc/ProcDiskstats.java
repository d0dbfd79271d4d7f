package dev.vigil.container.proc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code /proc/diskstats} for the root's half of cAdvisor's I/O families
 * ({@code fs/fs.go} {@code getDiskStatsMap}), with its device filter and unit quirk.
 */
public final class ProcDiskstats {
    /**
     * The devices cAdvisor keeps: {@code sd*}, {@code vd*}, {@code xvd*} (with an optional
     * partition number) and {@code dm-N}. NVMe, mmcblk, md, loop, zram… are dropped, so filesystems
     * on them get all-zero diskstats values in cAdvisor.
     */
    public static final Pattern CADVISOR_DEVICES = Pattern.compile("^(?:(?:s|v|xv)d[a-z]+\\d*|dm-\\d+)$");

    /** How many counters a line needs (kernels before 4.18 have exactly these). */
    public static final int COUNTERS = 11;

    private ProcDiskstats() {
    }

    /**
     * Every device line in file order, none filtered.
     *
     * @throws IllegalArgumentException when a line has fewer than {@link #COUNTERS} counters or a
     *     field is not an unsigned integer (cAdvisor rejects the whole file too)
     */
    public static List<DiskStats> parse(String content) {
        List<DiskStats> devices = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length < 3 + COUNTERS) {
                throw new IllegalArgumentException("diskstats line needs major, minor, name and " + COUNTERS
                        + " counters: " + line.strip());
            }
            long[] c = new long[COUNTERS];
            for (int i = 0; i < COUNTERS; i++) {
                c[i] = Numbers.parseUnsigned(f[3 + i], line);
            }
            devices.add(new DiskStats(Numbers.parseUnsigned(f[0], line), Numbers.parseUnsigned(f[1], line), f[2],
                    c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]));
        }
        return List.copyOf(devices);
    }

    /** Whether cAdvisor keeps this device's line. */
    public static boolean keptByCadvisor(String deviceName) {
        return CADVISOR_DEVICES.matcher(deviceName).matches();
    }

    /**
     * The lines cAdvisor keeps, by {@link DiskStats#devicePath()} ({@code /dev/sda1}); a
     * filesystem's entry is then looked up by its mount source, and a source not in the map (e.g.
     * {@code /dev/nvme0n1p1}, {@code /dev/mapper/vg-root}) gets zeros.
     */
    public static Map<String, DiskStats> cadvisorByDevicePath(List<DiskStats> all) {
        Map<String, DiskStats> byPath = new LinkedHashMap<>();
        for (DiskStats d : all) {
            if (keptByCadvisor(d.name())) {
                byPath.put(d.devicePath(), d);
            }
        }
        return byPath;
    }

    /**
     * A diskstats time in seconds. cAdvisor divides the milliseconds by 1e9 as if they were
     * nanoseconds, so its {@code container_fs_read_seconds_total}, {@code _write_seconds_total},
     * {@code _io_time_seconds_total} and {@code _io_time_weighted_seconds_total} from diskstats are
     * a million times too small; {@code cadvisorUnits} reproduces that, false gives real seconds.
     */
    public static double seconds(long millis, boolean cadvisorUnits) {
        double ms = unsignedToDouble(millis);
        return cadvisorUnits ? ms / 1e9 : ms / 1e3;
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
    }
}
