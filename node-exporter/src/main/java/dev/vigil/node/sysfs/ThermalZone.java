package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;

/**
 * A thermal zone from {@code /sys/class/thermal/thermal_zone<N>}, as prometheus/procfs 0.8 reads
 * it: {@code type}, {@code policy} and {@code temp} (millidegrees Celsius, a base-10 integer) are
 * required; {@code passive} is optional but must be an unsigned number when present.
 *
 * @param name the zone number, from the directory name
 * @param passive the passive trip point, or {@code null} if the zone has none
 */
public record ThermalZone(String name, String type, String policy, long temp, Long passive) {

    /**
     * The zone from its attributes' trimmed contents.
     *
     * @throws NumberFormatException if {@code temp} or {@code passive} is not a number
     */
    public static ThermalZone parse(String name, String type, String policy, String temp, String passive) {
        return new ThermalZone(name, type, policy, GoStrconv.parseDecimal(temp),
                passive == null ? null : GoStrconv.parseUnsignedDecimal(passive));
    }

    /** The zone temperature in degrees Celsius. */
    public double celsius() {
        return temp / 1000.0;
    }
}
