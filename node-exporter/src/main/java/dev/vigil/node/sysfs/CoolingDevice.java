package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;

/**
 * A cooling device from {@code /sys/class/thermal/cooling_device<N>}: its {@code type} and its
 * current and maximum throttle state. The current state may be -1 (intel_powerclamp when idle).
 *
 * @param name the device number, from the directory name
 */
public record CoolingDevice(String name, String type, long curState, long maxState) {

    /**
     * The device from its attributes' trimmed contents.
     *
     * @throws NumberFormatException if a state is not a base-10 integer
     */
    public static CoolingDevice parse(String name, String type, String curState, String maxState) {
        long max = GoStrconv.parseDecimal(maxState);
        return new CoolingDevice(name, type, GoStrconv.parseDecimal(curState), max);
    }
}
