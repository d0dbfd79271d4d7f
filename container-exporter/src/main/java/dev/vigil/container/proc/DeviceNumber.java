package dev.vigil.container.proc;

/** A block device's {@code major:minor}, as cgroup I/O files and sysfs write it. */
public record DeviceNumber(long major, long minor) {

    /**
     * Parses {@code 8:0}.
     *
     * @throws IllegalArgumentException when the text is not two unsigned integers joined by a colon
     */
    public static DeviceNumber parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a major:minor: " + text);
        }
        return new DeviceNumber(Numbers.parseUnsigned(t.substring(0, colon), t),
                Numbers.parseUnsigned(t.substring(colon + 1), t));
    }

    @Override
    public String toString() {
        return major + ":" + minor;
    }
}
