package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.List;

/**
 * One {@code /sys/devices/system/clocksource/clocksource<N>} directory: the clock sources its
 * {@code available_clocksource} lists and the one {@code current_clocksource} names.
 */
public record ClockSource(List<String> available, String current) {

    /** From the two files' contents. */
    public static ClockSource parse(String available, String current) {
        return new ClockSource(List.copyOf(GoStrconv.fields(available)), current.strip());
    }
}
