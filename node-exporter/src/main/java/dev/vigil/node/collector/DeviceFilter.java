package dev.vigil.node.collector;

import java.util.regex.Pattern;

/**
 * node_exporter's device filter: a device is ignored when it matches the exclude pattern or does not
 * match the include pattern. Like Go's {@code MatchString}, patterns match anywhere in the name
 * unless they anchor themselves.
 */
public final class DeviceFilter {
    private final Pattern exclude;
    private final Pattern include;

    private DeviceFilter(Pattern exclude, Pattern include) {
        this.exclude = exclude;
        this.include = include;
    }

    /**
     * A filter from the two flag values; an empty value means "no such pattern".
     *
     * @throws IllegalArgumentException if a pattern does not compile
     */
    public static DeviceFilter of(String exclude, String include) {
        return new DeviceFilter(compile(exclude), compile(include));
    }

    /** Whether {@code device} is left out. */
    public boolean ignored(String device) {
        return (exclude != null && exclude.matcher(device).find())
                || (include != null && !include.matcher(device).find());
    }

    private static Pattern compile(String pattern) {
        return pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern);
    }
}
