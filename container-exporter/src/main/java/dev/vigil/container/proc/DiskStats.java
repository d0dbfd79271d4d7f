package dev.vigil.container.proc;

/**
 * One device's line of {@code /proc/diskstats}: the eleven counters every kernel has (later
 * kernels append discard and flush counters, which cAdvisor does not read). Times are in
 * milliseconds; see {@link ProcDiskstats#seconds} for how cAdvisor converts them.
 */
public record DiskStats(
        long major, long minor, String name,
        long readsCompleted, long readsMerged, long sectorsRead, long readTimeMs,
        long writesCompleted, long writesMerged, long sectorsWritten, long writeTimeMs,
        long ioInProgress, long ioTimeMs, long weightedIoTimeMs) {

    /** The device path cAdvisor keys the line by: {@code /dev/} + name. */
    public String devicePath() {
        return "/dev/" + name;
    }

    /** The line's {@code major:minor}. */
    public DeviceNumber deviceNumber() {
        return new DeviceNumber(major, minor);
    }
}
