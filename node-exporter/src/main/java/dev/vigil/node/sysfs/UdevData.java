package dev.vigil.node.sysfs;

import java.util.HashMap;
import java.util.Map;

/**
 * A device's entry in the udev database ({@code /run/udev/data/b<major>:<minor>}), as
 * systemd-udevd writes it: one record per line, a type letter, a colon and the value. Only the
 * device properties ({@code E:NAME=value}) are kept; symlinks ({@code S:}), priorities and tags are
 * skipped.
 */
public final class UdevData {
    private UdevData() {
    }

    /** The device's properties; a line without {@code =} is skipped, the value may contain {@code =}. */
    public static Map<String, String> properties(String text) {
        Map<String, String> properties = new HashMap<>();
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            if (text.startsWith("E:", start)) {
                int eq = text.indexOf('=', start + 2);
                if (eq >= 0 && eq < end) {
                    properties.put(text.substring(start + 2, eq), text.substring(eq + 1, end));
                }
            }
            start = end + 1;
        }
        return properties;
    }

    /** The database file name of a block device: {@code b8:0}. */
    public static String blockDeviceFile(long major, long minor) {
        return "b" + major + ":" + minor;
    }
}
