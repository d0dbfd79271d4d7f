package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.SysfsFiles;
import dev.vigil.exporter.host.GoStrconv;
import dev.vigil.node.sysfs.NetClassIface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Network interface properties from {@code /sys/class/net/<iface>}: {@code node_network_info},
 * {@code _up}, MTU, speed, carrier, flags and the other attributes.
 *
 * <p>With {@code --collector.netclass.netlink} node_exporter asks the kernel over rtnetlink and
 * ethtool netlink instead, which gives a different set of metrics. We cannot speak netlink from the
 * JVM, so in that mode we read the same facts from sysfs and give them node_exporter's netlink
 * shape: its info HELP text, duplex as ethtool names it ({@code Full}), the speed as an unsigned
 * 32-bit number (unknown speed is 4294967295 Mb/s, as ethtool reports it), the flags as {@code
 * ifi_flags} carries them (sysfs flags plus {@code RUNNING}, {@code LOWER_UP} and {@code DORMANT}
 * worked out from operstate, carrier and dormant as the kernel's {@code dev_get_flags} does), the
 * carrier of a device that is down from its carrier up/down counts, {@code dormant} carrying the link
 * mode (as node_exporter 1.5 does), no address_assign_type, device_id or name_assign_type, and with
 * {@code --collector.netclass_rtnl.with-stats} the interface statistics from {@code statistics/}.
 * node_exporter types those statistics as gauges although their names end in {@code _total}; our
 * exposition cannot carry such a gauge, so they are counters here.
 */
public final class NetclassCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    private static final String UP_HELP = "Value is 1 if operstate is 'up', 0 otherwise.";
    private static final Desc UP = Desc.gauge("node_network_up", UP_HELP, "device");
    private static final String[] INFO_LABELS = {"device", "address", "broadcast", "duplex", "operstate", "ifalias"};
    private static final Desc INFO = Desc.gauge("node_network_info",
            "Non-numeric data from /sys/class/net/<iface>, value is always 1.", INFO_LABELS);
    private static final Desc INFO_NETLINK = Desc.gauge("node_network_info",
            "Non-numeric data of <iface>, value is always 1.", INFO_LABELS);

    /** The interface statistics node_exporter's netlink mode exposes, sysfs file to metric name. */
    private static final Map<String, String> STATISTICS = statistics();

    private static final long IFF_UP = 0x1;
    private static final long IFF_RUNNING = 0x40;
    private static final long IFF_LOWER_UP = 0x10000;
    private static final long IFF_DORMANT = 0x20000;

    private final HostPaths paths;
    private final Pattern ignoredDevices;
    private final boolean ignoreInvalidSpeed;
    private final boolean netlink;
    private final boolean withStats;
    private final Map<String, Desc> fieldDescs = new HashMap<>();

    public NetclassCollector(HostPaths paths, String ignoredDevices, boolean ignoreInvalidSpeed, boolean netlink,
            boolean withStats) {
        this.paths = paths;
        this.ignoredDevices = Pattern.compile(ignoredDevices);
        this.ignoreInvalidSpeed = ignoreInvalidSpeed;
        this.netlink = netlink;
        this.withStats = withStats;
        for (String name : List.of("address_assign_type", "carrier", "device_id", "dormant", "flags", "iface_id",
                "iface_link", "iface_link_mode", "mtu_bytes", "name_assign_type", "net_dev_group", "speed_bytes",
                "transmit_queue_length", "protocol_type")) {
            fieldDescs.put(name, Desc.gauge("node_network_" + name, "Network device property: " + name, "device"));
        }
        for (String name : List.of("carrier_changes_total", "carrier_up_changes_total", "carrier_down_changes_total")) {
            fieldDescs.put(name, Desc.counter("node_network_" + name, "Network device property: " + name, "device"));
        }
        for (String name : STATISTICS.values()) {
            // node_exporter 1.5 types these as gauges; client_java will not carry a gauge named *_total
            fieldDescs.put(name, Desc.counter("node_network_" + name, "Network device property: " + name, "device"));
        }
    }

    @Override
    public String name() {
        return "netclass";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path classNet = paths.sys("class", "net");
        List<String> devices;
        try {
            devices = SysfsFiles.list(classNet);
        } catch (IOException e) {
            throw unreadable(e);
        }
        for (String device : devices) {
            Path dir = classNet.resolve(device);
            if (SysfsFiles.isRegularFile(dir) || ignoredDevices.matcher(device).find()) {
                continue; // bonding_masters is a file among the interfaces
            }
            NetClassIface iface;
            try {
                iface = NetClassIface.parse(device, readAttributes(dir));
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (netlink) {
                emitNetlink(sink, iface, dir);
            } else {
                emitSysfs(sink, iface);
            }
        }
    }

    private static IOException unreadable(IOException e) {
        if (SysfsFiles.isMissing(e) || SysfsFiles.isPermission(e)) {
            return new NoDataException("Could not read netclass file: " + e.getMessage());
        }
        return new IOException("could not get net class info: " + e.getMessage(), e);
    }

    /** The attributes procfs reads: regular files only; absent or refused ones are left out. */
    private static Map<String, String> readAttributes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString()); // a link to a device that has gone
        }
        Map<String, String> values = new HashMap<>();
        for (String name : NetClassIface.ATTRIBUTES) {
            Path file = dir.resolve(name);
            try {
                values.put(name, SysfsFiles.readNoFollow(file));
            } catch (IOException e) {
                if (SysfsFiles.isMissing(e) || SysfsFiles.isNotAttribute(e) || SysfsFiles.isPermission(e)
                        || SysfsFiles.isUnsupported(e)) {
                    continue;
                }
                throw new IOException("failed to read file " + file + ": " + e.getMessage(), e);
            }
        }
        return values;
    }

    private void emitSysfs(MetricSink sink, NetClassIface iface) {
        String device = iface.name();
        sink.add(UP, "up".equals(iface.operState()) ? 1 : 0, device);
        sink.add(INFO, 1, device, iface.address(), iface.broadcast(), iface.duplex(), iface.operState(),
                iface.ifAlias());
        field(sink, "address_assign_type", iface.addrAssignType(), device);
        field(sink, "carrier", iface.carrier(), device);
        field(sink, "carrier_changes_total", iface.carrierChanges(), device);
        field(sink, "carrier_up_changes_total", iface.carrierUpCount(), device);
        field(sink, "carrier_down_changes_total", iface.carrierDownCount(), device);
        field(sink, "device_id", iface.devId(), device);
        field(sink, "dormant", iface.dormant(), device);
        field(sink, "flags", iface.flags(), device);
        field(sink, "iface_id", iface.ifIndex(), device);
        field(sink, "iface_link", iface.ifLink(), device);
        field(sink, "iface_link_mode", iface.linkMode(), device);
        field(sink, "mtu_bytes", iface.mtu(), device);
        field(sink, "net_dev_group", iface.netDevGroup(), device);
        field(sink, "name_assign_type", iface.nameAssignType(), device);
        Long speed = iface.speed();
        if (speed != null && (speed >= 0 || !ignoreInvalidSpeed)) {
            field(sink, "speed_bytes", speed * 1000 * 1000 / 8, device); // Mb/s to bytes/s, as Go's int64 math
        }
        field(sink, "transmit_queue_length", iface.txQueueLen(), device);
        field(sink, "protocol_type", iface.type(), device);
    }

    private void emitNetlink(MetricSink sink, NetClassIface iface, Path dir) throws IOException {
        String device = iface.name();
        if (iface.speed() != null) {
            long megabits = iface.speed() & 0xFFFFFFFFL; // ethtool's u32: sysfs prints SPEED_UNKNOWN as -1
            field(sink, "speed_bytes", megabits * 1000 * 1000 / 8, device);
        }
        String operState = iface.operState();
        sink.add(UP, "up".equals(operState) ? 1 : 0, device);
        sink.add(INFO_NETLINK, 1, device, iface.address(), iface.broadcast(), ethtoolDuplex(iface.duplex()),
                operState, iface.ifAlias());
        Long carrier = netlinkCarrier(iface);
        field(sink, "carrier", carrier, device);
        field(sink, "carrier_changes_total", iface.carrierChanges(), device);
        field(sink, "carrier_up_changes_total", iface.carrierUpCount(), device);
        field(sink, "carrier_down_changes_total", iface.carrierDownCount(), device);
        field(sink, "flags", interfaceFlags(iface, carrier), device);
        long index = orZero(iface.ifIndex());
        field(sink, "iface_id", index, device);
        field(sink, "iface_link_mode", orZero(iface.linkMode()), device);
        field(sink, "dormant", orZero(iface.linkMode()), device); // node_exporter 1.5 sends the link mode here
        long link = orZero(iface.ifLink());
        field(sink, "iface_link", link > 0 ? link : index, device);
        field(sink, "mtu_bytes", orZero(iface.mtu()), device);
        field(sink, "net_dev_group", orZero(iface.netDevGroup()), device);
        field(sink, "transmit_queue_length", orZero(iface.txQueueLen()), device);
        field(sink, "protocol_type", orZero(iface.type()), device);
        if (withStats) {
            emitStatistics(sink, dir.resolve("statistics"), device);
        }
    }

    private void emitStatistics(MetricSink sink, Path dir, String device) throws IOException {
        Map<String, Long> values = new HashMap<>();
        try {
            for (String name : SysfsFiles.list(dir)) {
                if (STATISTICS.containsKey(name)) {
                    values.put(name, GoStrconv.parseInt(SysfsFiles.read(dir.resolve(name))).orElse(0));
                }
            }
        } catch (IOException e) {
            if (SysfsFiles.isMissing(e)) {
                return; // no 64-bit statistics: node_exporter skips them too
            }
            throw new IOException("could not get net class info: " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> stat : STATISTICS.entrySet()) {
            // rtnetlink carries the counters as unsigned 64-bit numbers
            double value = toUnsignedDouble(values.getOrDefault(stat.getKey(), 0L));
            sink.add(fieldDescs.get(stat.getValue()), value, device);
        }
    }

    /** IFLA_CARRIER: sysfs hides the carrier of a device that is down, its up/down counts still tell. */
    private static Long netlinkCarrier(NetClassIface iface) {
        if (iface.carrier() != null) {
            return iface.carrier();
        }
        if (iface.carrierUpCount() != null && iface.carrierDownCount() != null) {
            return iface.carrierUpCount() >= iface.carrierDownCount() ? 1L : 0L;
        }
        return null;
    }

    /** The kernel's {@code dev_get_flags}: operational bits are set only while the device runs. */
    private static long interfaceFlags(NetClassIface iface, Long carrier) {
        long flags = orZero(iface.flags()) & ~(IFF_RUNNING | IFF_LOWER_UP | IFF_DORMANT);
        if ((flags & IFF_UP) != 0) {
            String operState = iface.operState();
            if ("up".equals(operState) || "unknown".equals(operState)) {
                flags |= IFF_RUNNING;
            }
            if (carrier != null && carrier == 1) {
                flags |= IFF_LOWER_UP;
            }
            if (iface.dormant() != null && iface.dormant() == 1) {
                flags |= IFF_DORMANT;
            }
        }
        return flags;
    }

    /** ethtool's names for the duplex modes sysfs writes in lower case. */
    private static String ethtoolDuplex(String duplex) {
        return switch (duplex) {
            case "full" -> "Full";
            case "half" -> "Half";
            case "unknown" -> "Unknown";
            default -> duplex;
        };
    }

    private void field(MetricSink sink, String name, Long value, String device) {
        if (value != null) {
            sink.add(fieldDescs.get(name), value, device);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static double toUnsignedDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
    }

    private static Map<String, String> statistics() {
        Map<String, String> stats = new LinkedHashMap<>();
        String[][] pairs = {
            {"rx_packets", "receive_packets_total"}, {"tx_packets", "transmit_packets_total"},
            {"rx_bytes", "receive_bytes_total"}, {"tx_bytes", "transmit_bytes_total"},
            {"rx_errors", "receive_errors_total"}, {"tx_errors", "transmit_errors_total"},
            {"rx_dropped", "receive_dropped_total"}, {"tx_dropped", "transmit_dropped_total"},
            {"multicast", "multicast_total"}, {"collisions", "collisions_total"},
            {"rx_length_errors", "receive_length_errors_total"}, {"rx_over_errors", "receive_over_errors_total"},
            {"rx_crc_errors", "receive_crc_errors_total"}, {"rx_frame_errors", "receive_frame_errors_total"},
            {"rx_fifo_errors", "receive_fifo_errors_total"}, {"rx_missed_errors", "receive_missed_errors_total"},
            {"tx_aborted_errors", "transmit_aborted_errors_total"},
            {"tx_carrier_errors", "transmit_carrier_errors_total"}, {"tx_fifo_errors", "transmit_fifo_errors_total"},
            {"tx_heartbeat_errors", "transmit_heartbeat_errors_total"},
            {"tx_window_errors", "transmit_window_errors_total"}, {"rx_compressed", "receive_compressed_total"},
            {"tx_compressed", "transmit_compressed_total"}, {"rx_nohandler", "receive_nohandler_total"},
        };
        for (String[] pair : pairs) {
            stats.put(pair[0], pair[1]);
        }
        return Map.copyOf(stats);
    }

    /** {@code --collector.netclass} and its flags, named, defaulted and described as node_exporter's. */
    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "netclass";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string("collector.netclass.ignored-devices", "Regexp of net devices to ignore for netclass collector.",
                    "^$");
            flags.bool("collector.netclass.ignore-invalid-speed",
                    "Ignore devices where the speed is invalid. This will be the default behavior in 2.x.", false);
            flags.bool("collector.netclass.netlink", "Use netlink to gather stats instead of /proc/net/dev.", false);
            flags.bool("collector.netclass_rtnl.with-stats",
                    "Expose the statistics for each network device, replacing netdev collector.", false);
        }

        @Override
        public Collector create(CollectorContext context) {
            FlagSet flags = context.flags();
            return new NetclassCollector(context.paths(),
                    (String) flags.lookup("collector.netclass.ignored-devices").get(),
                    (Boolean) flags.lookup("collector.netclass.ignore-invalid-speed").get(),
                    (Boolean) flags.lookup("collector.netclass.netlink").get(),
                    (Boolean) flags.lookup("collector.netclass_rtnl.with-stats").get());
        }
    }
}
