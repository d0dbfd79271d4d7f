package dev.vigil.container.proc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The boot time cAdvisor clamps cgroup start times to: now − uptime (whole seconds, as
 * {@code sysinfo(2)} gives it), truncated to the minute. We take the uptime from
 * {@code <procfs>/uptime}, the same counter.
 */
public final class BootTime {
    private BootTime() {
    }

    /**
     * Boot time from {@code /proc/uptime}'s text ({@code "35486.15 69623.43"}) and the current time.
     *
     * @throws IllegalArgumentException when the first field is not a non-negative number
     */
    public static Instant fromUptime(String uptime, Instant now) {
        String first = uptime.strip().split("\\s+")[0];
        double seconds;
        try {
            seconds = Double.parseDouble(first);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an uptime: " + uptime.strip(), e);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("not an uptime: " + uptime.strip());
        }
        return now.minus(Duration.ofSeconds((long) seconds)).truncatedTo(ChronoUnit.MINUTES);
    }
}
