package dev.vigil.node.sysfs;

import java.util.List;

/**
 * {@code /sys/class/net/<dev>/statistics/*}: one file per field of the kernel's {@code
 * rtnl_link_stats64}, the same counters rtnetlink reports for a link (both come from {@code
 * dev_get_stats}).
 */
public final class NetStatistics {
    /** The statistics files, in {@code rtnl_link_stats64} order. */
    public static final List<String> FILES = List.of(
            "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped",
            "tx_dropped", "multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors",
            "rx_frame_errors", "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors",
            "tx_fifo_errors", "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
            "rx_nohandler");

    /** node_exporter's name for each file's counter in its netlink mode, index for index. */
    public static final List<String> KEYS = List.of(
            "receive_packets", "transmit_packets", "receive_bytes", "transmit_bytes", "receive_errors",
            "transmit_errors", "receive_dropped", "transmit_dropped", "multicast", "collisions",
            "receive_length_errors", "receive_over_errors", "receive_crc_errors", "receive_frame_errors",
            "receive_fifo_errors", "receive_missed_errors", "transmit_aborted_errors", "transmit_carrier_errors",
            "transmit_fifo_errors", "transmit_heartbeat_errors", "transmit_window_errors", "receive_compressed",
            "transmit_compressed", "receive_nohandler");

    /** The index of {@code rx_nohandler}, the one counter {@code /proc/net/dev} lacks. */
    public static final int RX_NOHANDLER = FILES.indexOf("rx_nohandler");

    private NetStatistics() {
    }

    /**
     * One statistics file's content: an unsigned 64-bit decimal number and a newline.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static long parse(String text) {
        String value = text.strip();
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an unsigned number: " + value, e);
        }
    }
}
