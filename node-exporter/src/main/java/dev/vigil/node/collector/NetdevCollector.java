package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.Flag;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.GoIp;
import dev.vigil.node.procfs.NetDev;
import dev.vigil.node.sysfs.NetStatistics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Network device counters, one {@code node_network_<key>_total} counter family per statistic.
 *
 * <p>node_exporter 1.5 reads them over rtnetlink by default ({@code --collector.netdev.netlink}) and
 * from {@code /proc/net/dev} otherwise. Both come from the kernel's {@code dev_get_stats}; we have no
 * netlink, so in netlink mode we read the same counters from files:
 * <ul>
 *   <li>with the default (legacy) names, {@code /proc/net/dev} already holds every counter
 *       node_exporter folds into a legacy name (it sums them the same way the kernel does for that
 *       file), so we read it plus {@code /sys/class/net/<dev>/statistics/rx_nohandler}, the one
 *       counter it lacks: one file per device instead of the 24 sysfs files;
 *   <li>with {@code --collector.netdev.enable-detailed-metrics}, the unfolded counters exist only
 *       in {@code /sys/class/net/<dev>/statistics/*}, which we read for every device there.
 * </ul>
 * {@code --collector.netdev.address-info} lists addresses through {@link NetworkInterface}, which,
 * like node_exporter's {@code net.Interfaces()}, asks the live kernel whatever the path flags say.
 */
public final class NetdevCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    private static final Desc ADDRESS_INFO = Desc.gauge("node_network_address_info", "node network address by device",
            "device", "address", "netmask", "scope");

    /** node_exporter's {@code legacy()} renames in /proc/net/dev's columns. */
    private static final List<String> LEGACY_PROC_KEYS = NetDev.FIELD_NAMES.stream()
            .map(key -> switch (key) {
                case "receive_errors" -> "receive_errs";
                case "receive_dropped" -> "receive_drop";
                case "transmit_errors" -> "transmit_errs";
                case "transmit_dropped" -> "transmit_drop";
                default -> key;
            })
            .toList();

    private final HostPaths paths;
    private final DeviceFilter filter;
    private final boolean netlink;
    private final boolean detailed;
    private final boolean addressInfo;
    /** One descriptor per /proc/net/dev column (proc mode and legacy netlink mode). */
    private final Desc[] procDescs;
    /** One descriptor per sysfs statistics file (detailed netlink mode). */
    private final Desc[] sysfsDescs;
    private final Desc noHandlerDesc;

    public NetdevCollector(HostPaths paths, DeviceFilter filter, boolean netlink, boolean detailed, boolean addressInfo) {
        this.paths = paths;
        this.filter = filter;
        this.netlink = netlink;
        this.detailed = detailed;
        this.addressInfo = addressInfo;
        List<String> procKeys = detailed ? NetDev.FIELD_NAMES : LEGACY_PROC_KEYS;
        this.procDescs = procKeys.stream().map(NetdevCollector::describe).toArray(Desc[]::new);
        this.sysfsDescs = NetStatistics.KEYS.stream().map(NetdevCollector::describe).toArray(Desc[]::new);
        this.noHandlerDesc = sysfsDescs[NetStatistics.RX_NOHANDLER];
    }

    @Override
    public String name() {
        return "netdev";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        if (netlink && detailed) {
            updateFromSysfs(sink);
        } else {
            updateFromProc(sink);
        }
        if (addressInfo) {
            updateAddresses(sink);
        }
    }

    private void updateFromProc(MetricSink sink) throws IOException {
        Path file = paths.proc("net", "dev");
        List<NetDev.Line> lines;
        try {
            lines = NetDev.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException("couldn't get netstats: " + file + ": " + e.getMessage(), e);
        }
        for (NetDev.Line line : lines) {
            String device = line.name();
            if (filter.ignored(device)) {
                continue;
            }
            long[] values = line.values();
            for (int i = 0; i < NetDev.FIELDS; i++) {
                sink.add(procDescs[i], NetDev.toDouble(values[i]), device);
            }
            if (netlink) {
                sink.add(noHandlerDesc, NetDev.toDouble(readCounter(
                        paths.sys("class", "net", device, "statistics", "rx_nohandler"))), device);
            }
        }
    }

    private void updateFromSysfs(MetricSink sink) throws IOException {
        Path classNet = paths.sys("class", "net");
        if (!Files.isDirectory(classNet)) {
            throw new NoDataException(classNet + " does not exist");
        }
        for (String device : KernelFiles.list(classNet)) {
            if (filter.ignored(device)) {
                continue;
            }
            Path statistics = classNet.resolve(device).resolve("statistics");
            if (!Files.isDirectory(statistics)) {
                continue; // bonding_masters, or a device without statistics
            }
            for (int i = 0; i < sysfsDescs.length; i++) {
                sink.add(sysfsDescs[i], NetDev.toDouble(readCounter(statistics.resolve(NetStatistics.FILES.get(i)))),
                        device);
            }
        }
    }

    /** A statistics counter; 0 if the kernel does not have it (rtnetlink reports 0 then). */
    private static long readCounter(Path file) throws IOException {
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        try {
            return NetStatistics.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void updateAddresses(MetricSink sink) throws IOException {
        List<NetworkInterface> interfaces;
        try {
            interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
        } catch (SocketException e) {
            throw new IOException("could not get network interfaces: " + e.getMessage(), e);
        }
        for (NetworkInterface nic : interfaces) {
            // Java lists an alias such as eth0:1 as a sub-interface; Go lists its addresses under eth0.
            Set<String> seen = new LinkedHashSet<>();
            List<InterfaceAddress> addresses = new ArrayList<>(nic.getInterfaceAddresses());
            for (NetworkInterface sub : Collections.list(nic.getSubInterfaces())) {
                addresses.addAll(sub.getInterfaceAddresses());
            }
            for (InterfaceAddress address : addresses) {
                InetAddress inet = address.getAddress();
                if (inet == null) {
                    continue;
                }
                byte[] ip = inet.getAddress();
                String text = GoIp.format(ip);
                String netmask = Integer.toString(address.getNetworkPrefixLength());
                if (seen.add(text + "/" + netmask)) {
                    sink.add(ADDRESS_INFO, 1, nic.getName(), text, netmask, scope(ip));
                }
            }
        }
    }

    /** node_exporter's {@code scope()}: link-local, interface-local, global or empty. */
    static String scope(byte[] ip) {
        byte[] v4 = ip.length == 4 ? ip : GoIp.isV4Mapped(ip) ? new byte[] {ip[12], ip[13], ip[14], ip[15]} : null;
        if (v4 != null) {
            int a = v4[0] & 0xff;
            int b = v4[1] & 0xff;
            boolean loopback = a == 127;
            boolean linkLocalUnicast = a == 169 && b == 254;
            boolean linkLocalMulticast = a == 224 && b == 0 && v4[2] == 0;
            if (loopback || linkLocalUnicast || linkLocalMulticast) {
                return "link-local";
            }
            boolean broadcast = (v4[0] & v4[1] & v4[2] & v4[3]) == (byte) 0xff;
            boolean unspecified = (v4[0] | v4[1] | v4[2] | v4[3]) == 0;
            boolean multicast = (a & 0xf0) == 0xe0;
            return broadcast || unspecified || multicast ? "" : "global";
        }
        boolean loopback = true;
        boolean unspecified = true;
        for (int i = 0; i < 16; i++) {
            loopback &= ip[i] == (i == 15 ? 1 : 0);
            unspecified &= ip[i] == 0;
        }
        int first = ip[0] & 0xff;
        boolean linkLocalUnicast = first == 0xfe && (ip[1] & 0xc0) == 0x80;
        boolean multicast = first == 0xff;
        boolean linkLocalMulticast = multicast && (ip[1] & 0x0f) == 0x02;
        boolean interfaceLocalMulticast = multicast && (ip[1] & 0x0f) == 0x01;
        if (loopback || linkLocalUnicast || linkLocalMulticast) {
            return "link-local";
        }
        if (interfaceLocalMulticast) {
            return "interface-local";
        }
        return unspecified || multicast ? "" : "global";
    }

    private static Desc describe(String key) {
        return Desc.counter("node_network_" + key + "_total", "Network device statistic " + key + ".", "device");
    }

    /** Registers netdev with node_exporter's flags. */
    private static final class Factory implements CollectorFactory {
        private static final String INCLUDE = "collector.netdev.device-include";
        private static final String EXCLUDE = "collector.netdev.device-exclude";
        private static final String ADDRESS_INFO_FLAG = "collector.netdev.address-info";
        private static final String DETAILED = "collector.netdev.enable-detailed-metrics";
        private static final String NETLINK = "collector.netdev.netlink";

        @Override
        public String name() {
            return "netdev";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string(INCLUDE, "Regexp of net devices to include (mutually exclusive to device-exclude).", "");
            flags.string(EXCLUDE, "Regexp of net devices to exclude (mutually exclusive to device-include).", "^lo$");
            flags.bool(ADDRESS_INFO_FLAG, "Collect address-info for every device", false);
            flags.bool(DETAILED, "Use (incompatible) metric names that provide more detailed stats on Linux", false);
            flags.bool(NETLINK, "Use netlink to gather stats instead of /proc/net/dev.", true);
        }

        @Override
        public Collector create(CollectorContext context) {
            FlagSet flags = context.flags();
            String include = (String) flags.lookup(INCLUDE).get();
            Flag<?> excludeFlag = flags.lookup(EXCLUDE);
            String exclude = (String) excludeFlag.get();
            if (!include.isEmpty() && !excludeFlag.isSet()) {
                exclude = ""; // only the default: an include pattern replaces it rather than clashing
            }
            if (!include.isEmpty() && !exclude.isEmpty()) {
                throw new IllegalArgumentException("device-exclude & device-include are mutually exclusive");
            }
            return new NetdevCollector(context.paths(), DeviceFilter.of(exclude, include),
                    (Boolean) flags.lookup(NETLINK).get(), (Boolean) flags.lookup(DETAILED).get(),
                    (Boolean) flags.lookup(ADDRESS_INFO_FLAG).get());
        }
    }
}
