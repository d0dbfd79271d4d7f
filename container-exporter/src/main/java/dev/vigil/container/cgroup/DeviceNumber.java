package dev.vigil.container.cgroup;

/** A block device's {@code major:minor} as blkio and io.stat lines start. */
final class DeviceNumber {
    private DeviceNumber() {
    }

    /** {@code {major, minor}}, or null when the text is not two unsigned integers joined by ':'. */
    static int[] parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon != text.lastIndexOf(':')) {
            return null;
        }
        Long major = Numbers.parseUnsigned(text.substring(0, colon));
        Long minor = Numbers.parseUnsigned(text.substring(colon + 1));
        if (major == null || minor == null || major > Integer.MAX_VALUE || minor > Integer.MAX_VALUE) {
            return null;
        }
        return new int[] {major.intValue(), minor.intValue()};
    }
}
