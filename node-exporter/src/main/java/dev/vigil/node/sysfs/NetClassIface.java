package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.Map;
import java.util.Set;

/**
 * One network interface's attributes from {@code /sys/class/net/<iface>}, as prometheus/procfs
 * 0.8 reads them: numbers in Go's base-0 syntax ({@code 0x1003} is hex), a number that does not
 * parse reads as 0, an attribute the device refused to give is {@code null} (numbers) or empty
 * (text).
 */
public record NetClassIface(
        String name,
        Long addrAssignType,
        Long addrLen,
        String address,
        String broadcast,
        Long carrier,
        Long carrierChanges,
        Long carrierUpCount,
        Long carrierDownCount,
        Long devId,
        Long dormant,
        String duplex,
        Long flags,
        String ifAlias,
        Long ifIndex,
        Long ifLink,
        Long linkMode,
        Long mtu,
        Long nameAssignType,
        Long netDevGroup,
        String operState,
        Long speed,
        Long txQueueLen,
        Long type) {

    /** The attribute files the record is made of. */
    public static final Set<String> ATTRIBUTES = Set.of("addr_assign_type", "addr_len", "address", "broadcast",
            "carrier", "carrier_changes", "carrier_up_count", "carrier_down_count", "dev_id", "dormant", "duplex",
            "flags", "ifalias", "ifindex", "iflink", "link_mode", "mtu", "name_assign_type", "netdev_group",
            "operstate", "speed", "tx_queue_len", "type");

    /**
     * The interface from its attributes' trimmed contents, keyed by file name; attributes that are
     * missing from the map were absent or unreadable.
     */
    public static NetClassIface parse(String name, Map<String, String> attributes) {
        return new NetClassIface(name,
                number(attributes, "addr_assign_type"),
                number(attributes, "addr_len"),
                text(attributes, "address"),
                text(attributes, "broadcast"),
                number(attributes, "carrier"),
                number(attributes, "carrier_changes"),
                number(attributes, "carrier_up_count"),
                number(attributes, "carrier_down_count"),
                number(attributes, "dev_id"),
                number(attributes, "dormant"),
                text(attributes, "duplex"),
                number(attributes, "flags"),
                text(attributes, "ifalias"),
                number(attributes, "ifindex"),
                number(attributes, "iflink"),
                number(attributes, "link_mode"),
                number(attributes, "mtu"),
                number(attributes, "name_assign_type"),
                number(attributes, "netdev_group"),
                text(attributes, "operstate"),
                number(attributes, "speed"),
                number(attributes, "tx_queue_len"),
                number(attributes, "type"));
    }

    private static String text(Map<String, String> attributes, String key) {
        return attributes.getOrDefault(key, "");
    }

    /** procfs' {@code ValueParser.PInt64}: a present value that does not parse reads as 0. */
    private static Long number(Map<String, String> attributes, String key) {
        String value = attributes.get(key);
        return value == null ? null : GoStrconv.parseInt(value).orElse(0);
    }
}
