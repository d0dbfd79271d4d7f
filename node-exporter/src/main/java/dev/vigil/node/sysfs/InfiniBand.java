package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.Map;
import java.util.OptionalLong;

/**
 * InfiniBand port files under {@code /sys/class/infiniband/<device>/ports/<port>}, as
 * prometheus/procfs 0.8 reads them: {@code state} and {@code phys_state} are {@code "<id>: <name>"},
 * {@code rate} is {@code "<Gb/s> Gb/sec (<width> <speed>)"}, and the counters are unsigned numbers
 * (Go base-0 syntax) or {@code N/A (no PMA)} on ports without a performance management agent.
 */
public final class InfiniBand {
    private InfiniBand() {
    }

    /** A port state: its number and name, {@code 4} and {@code ACTIVE}. */
    public record State(long id, String name) {
    }

    /** Where a counter file's value goes: the metric (without {@code node_infiniband_}) and a multiplier. */
    public record Counter(String metric, long multiplier) {
    }

    /**
     * Counters in {@code counters/}. Mellanox divides the data counters by the 4 lanes of a port,
     * so procfs multiplies them back.
     */
    public static final Map<String, Counter> COUNTERS = Map.ofEntries(
            Map.entry("excessive_buffer_overrun_errors", new Counter("excessive_buffer_overrun_errors_total", 1)),
            Map.entry("link_downed", new Counter("link_downed_total", 1)),
            Map.entry("link_error_recovery", new Counter("link_error_recovery_total", 1)),
            Map.entry("local_link_integrity_errors", new Counter("local_link_integrity_errors_total", 1)),
            Map.entry("multicast_rcv_packets", new Counter("multicast_packets_received_total", 1)),
            Map.entry("multicast_xmit_packets", new Counter("multicast_packets_transmitted_total", 1)),
            Map.entry("port_rcv_constraint_errors", new Counter("port_constraint_errors_received_total", 1)),
            Map.entry("port_rcv_data", new Counter("port_data_received_bytes_total", 4)),
            Map.entry("port_rcv_discards", new Counter("port_discards_received_total", 1)),
            Map.entry("port_rcv_errors", new Counter("port_errors_received_total", 1)),
            Map.entry("port_rcv_packets", new Counter("port_packets_received_total", 1)),
            Map.entry("port_rcv_remote_physical_errors", new Counter("port_receive_remote_physical_errors_total", 1)),
            Map.entry("port_rcv_switch_relay_errors", new Counter("port_receive_switch_relay_errors_total", 1)),
            Map.entry("port_xmit_constraint_errors", new Counter("port_constraint_errors_transmitted_total", 1)),
            Map.entry("port_xmit_data", new Counter("port_data_transmitted_bytes_total", 4)),
            Map.entry("port_xmit_discards", new Counter("port_discards_transmitted_total", 1)),
            Map.entry("port_xmit_packets", new Counter("port_packets_transmitted_total", 1)),
            Map.entry("port_xmit_wait", new Counter("port_transmit_wait_total", 1)),
            Map.entry("symbol_error", new Counter("symbol_error_total", 1)),
            Map.entry("unicast_rcv_packets", new Counter("unicast_packets_received_total", 1)),
            Map.entry("unicast_xmit_packets", new Counter("unicast_packets_transmitted_total", 1)),
            Map.entry("VL15_dropped", new Counter("vl15_dropped_total", 1)));

    /** The 64-bit counters kernels before 4.5 kept in {@code counters_ext/}. */
    public static final Map<String, Counter> LEGACY_COUNTERS = Map.ofEntries(
            Map.entry("port_multicast_rcv_packets", new Counter("legacy_multicast_packets_received_total", 1)),
            Map.entry("port_multicast_xmit_packets", new Counter("legacy_multicast_packets_transmitted_total", 1)),
            Map.entry("port_rcv_data_64", new Counter("legacy_data_received_bytes_total", 4)),
            Map.entry("port_rcv_packets_64", new Counter("legacy_packets_received_total", 1)),
            Map.entry("port_unicast_rcv_packets", new Counter("legacy_unicast_packets_received_total", 1)),
            Map.entry("port_unicast_xmit_packets", new Counter("legacy_unicast_packets_transmitted_total", 1)),
            Map.entry("port_xmit_data_64", new Counter("legacy_data_transmitted_bytes_total", 4)),
            Map.entry("port_xmit_packets_64", new Counter("legacy_packets_transmitted_total", 1)));

    /**
     * Parses {@code "4: ACTIVE\n"}.
     *
     * @throws IllegalArgumentException if the text is not {@code <id>: <name>}
     */
    public static State parseState(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("failed to split " + text + " into 'ID: NAME'");
        }
        String id = GoStrconv.trimSpace(parts[0]);
        try {
            long value = GoStrconv.parseUnsignedDecimal(id);
            if (Long.compareUnsigned(value, 0xFFFFFFFFL) > 0) {
                throw new NumberFormatException();
            }
            return new State(value, GoStrconv.trimSpace(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to convert " + id + " into uint", e);
        }
    }

    /**
     * Parses {@code "40 Gb/sec (4X QDR)"} into bytes per second, reading the number at float32
     * precision as procfs does ({@code 13.7} Gb/s is 1712499976 bytes/s).
     *
     * @throws IllegalArgumentException if the text does not start with a number and a space
     */
    public static long parseRate(String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("failed to split \"" + text + "\"");
        }
        String number = GoStrconv.trimSpace(text.substring(0, space + 1));
        var parsed = GoStrconv.parseFloat(number);
        if (parsed.isEmpty() || Double.isNaN(parsed.getAsDouble()) || Double.isInfinite(parsed.getAsDouble())) {
            throw new IllegalArgumentException("failed to convert " + number + " into uint");
        }
        double gigabits = (float) parsed.getAsDouble();
        return (long) (gigabits * 125000000);
    }

    /**
     * A counter value; empty for {@code N/A (no PMA)}.
     *
     * @throws NumberFormatException if it is neither
     */
    public static OptionalLong parseCounter(String value) {
        OptionalLong parsed = GoStrconv.parseUint(value);
        if (parsed.isPresent()) {
            return parsed;
        }
        if (value.contains("N/A (no PMA)")) {
            return OptionalLong.empty();
        }
        throw new NumberFormatException("strconv.ParseUint: parsing \"" + value + "\": invalid syntax");
    }
}
