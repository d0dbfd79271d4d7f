package dev.vigil.node.sysfs;

import dev.vigil.node.procfs.Unsigned;
import java.util.List;
import java.util.Map;

/**
 * A Fibre Channel host port, {@code /sys/class/fc_host/<host>/}, as prometheus/procfs 0.8 reads it:
 * its descriptive attributes and the counters under {@code statistics/}, which the kernel prints in
 * hexadecimal.
 */
public final class FibreChannel {
    /** The attribute files every host must have, in the order they are read. */
    public static final List<String> ATTRIBUTES = List.of("speed", "port_state", "port_type", "node_name",
            "port_id", "port_name", "fabric_name", "dev_loss_tmo", "symbolic_name", "supported_classes",
            "supported_speeds");

    /** The statistics kept, by file name. */
    public static final List<String> COUNTERS = List.of("dumped_frames", "error_frames", "invalid_crc_count",
            "rx_frames", "rx_words", "tx_frames", "tx_words", "seconds_since_last_reset", "invalid_tx_word_count",
            "link_failure_count", "loss_of_sync_count", "loss_of_signal_count", "nos_count", "fcp_packet_aborts");

    /** A value the HBA firmware does not implement. */
    public static final long NOT_IMPLEMENTED = -1L;

    private FibreChannel() {
    }

    /**
     * One host.
     *
     * @param attributes by file name, trimmed; the {@code 0x} of the names and port id cut off
     * @param counters by file name; a statistics file that is missing counts as zero
     */
    public record Host(String name, Map<String, String> attributes, Map<String, Long> counters) {

        public String attribute(String file) {
            return attributes.getOrDefault(file, "");
        }

        public long counter(String file) {
            return counters.getOrDefault(file, 0L);
        }
    }

    /** An attribute's value as procfs keeps it: the names and port id lose their first two characters. */
    public static String attribute(String file, String trimmedValue) {
        boolean hexName = file.equals("node_name") || file.equals("port_id") || file.equals("port_name")
                || file.equals("fabric_name");
        return hexName && trimmedValue.length() > 2 ? trimmedValue.substring(2) : trimmedValue;
    }

    /**
     * A statistics file's value ({@code 0x1f}).
     *
     * @throws IllegalArgumentException if it is not a number
     */
    public static long counter(String trimmedValue) {
        try {
            return Unsigned.parseAnyBase(trimmedValue);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
