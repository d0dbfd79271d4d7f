package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.List;

/**
 * Linux bonding from sysfs: {@code /sys/class/net/bonding_masters} and each master's {@code
 * bonding/slaves} list names separated by white space; a slave's {@code bonding_slave/mii_status}
 * says {@code up} when its link is usable.
 */
public final class Bonding {
    private Bonding() {
    }

    /** The names in {@code bonding_masters} or {@code bonding/slaves}. */
    public static List<String> names(String text) {
        return GoStrconv.fields(text);
    }

    /** Whether a slave's {@code mii_status} counts it as active. */
    public static boolean isUp(String miiStatus) {
        return GoStrconv.trimSpace(miiStatus).equals("up");
    }
}
