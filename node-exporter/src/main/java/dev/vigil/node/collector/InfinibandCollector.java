package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.io.SysfsFiles;
import dev.vigil.exporter.host.GoStrconv;
import dev.vigil.node.sysfs.InfiniBand;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * InfiniBand port states, rates and counters from {@code /sys/class/infiniband}, with {@code
 * node_infiniband_info} per device. As in node_exporter 1.5 (procfs 0.8) a device must have {@code
 * board_id} and {@code fw_ver} ({@code hca_type} may be missing), every port a {@code counters} directory; a file
 * that is not there means no data, a value that does not parse fails the collector.
 */
public final class InfinibandCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("infiniband", true, context -> new InfinibandCollector(context.paths()));

    private static final Desc INFO = Desc.gauge("node_infiniband_info",
            "Non-numeric data from /sys/class/infiniband/<device>, value is always 1.",
            "device", "board_id", "firmware_version", "hca_type");
    private static final Desc STATE = gauge("state_id",
            "State of the InfiniBand port (0: no change, 1: down, 2: init, 3: armed, 4: active, 5: act defer)");
    private static final Desc PHYS_STATE = gauge("physical_state_id", "Physical state of the InfiniBand port (0: no"
            + " change, 1: sleep, 2: polling, 3: disable, 4: shift, 5: link up, 6: link error recover, 7: phytest)");
    private static final Desc RATE = gauge("rate_bytes_per_second", "Maximum signal transfer rate");
    private static final Map<String, Desc> COUNTERS = counters();

    private final HostPaths paths;

    public InfinibandCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "infiniband";
    }

    private record Port(String device, String port, InfiniBand.State state, InfiniBand.State physState, long rate,
            Map<String, Long> counters) {
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path classDir = paths.sys("class", "infiniband");
        List<String[]> infos = new ArrayList<>();
        List<Port> ports = new ArrayList<>();
        try {
            for (String device : SysfsFiles.list(classDir)) {
                Path dir = classDir.resolve(device);
                String boardId = SysfsFiles.read(dir.resolve("board_id"));
                String firmware = SysfsFiles.read(dir.resolve("fw_ver"));
                String hcaType = optional(dir.resolve("hca_type"));
                infos.add(new String[] {device, boardId, firmware, hcaType});
                for (String port : SysfsFiles.list(dir.resolve("ports"))) {
                    ports.add(readPort(device, port, dir.resolve("ports").resolve(port)));
                }
            }
        } catch (NoSuchFileException e) {
            throw new NoDataException("infiniband statistics not found, skipping: " + e.getFile());
        } catch (IllegalArgumentException e) {
            throw new IOException("error obtaining InfiniBand class info: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("error obtaining InfiniBand class info: " + e.getMessage(), e);
        }
        for (String[] info : infos) {
            sink.add(INFO, 1, info);
        }
        for (Port port : ports) {
            sink.add(STATE, port.state().id(), port.device(), port.port());
            sink.add(PHYS_STATE, port.physState().id(), port.device(), port.port());
            sink.add(RATE, port.rate(), port.device(), port.port());
            for (Map.Entry<String, Long> counter : port.counters().entrySet()) {
                sink.add(COUNTERS.get(counter.getKey()), GoStrconv.unsignedToDouble(counter.getValue()),
                        port.device(), port.port());
            }
        }
    }

    private static Port readPort(String device, String port, Path dir) throws IOException {
        long number = GoStrconv.parseUnsignedDecimal(port); // NumberFormatException is an IllegalArgumentException
        if (Long.compareUnsigned(number, 0xFFFFFFFFL) > 0) {
            throw new IllegalArgumentException("failed to convert " + port + " into uint");
        }
        InfiniBand.State state = stateOf(dir.resolve("state"), "state");
        InfiniBand.State physState = stateOf(dir.resolve("phys_state"), "phys_state");
        long rate;
        try {
            rate = InfiniBand.parseRate(KernelFiles.read(dir.resolve("rate")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("could not parse rate file in " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Long> counters = new HashMap<>();
        readCounters(dir.resolve("counters"), InfiniBand.COUNTERS, counters, true);
        readCounters(dir.resolve("counters_ext"), InfiniBand.LEGACY_COUNTERS, counters, false);
        return new Port(device, Long.toString(number), state, physState, rate, counters);
    }

    /** An attribute not every driver has: empty if absent. */
    private static String optional(Path file) throws IOException {
        try {
            return SysfsFiles.read(file);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static InfiniBand.State stateOf(Path file, String name) throws IOException {
        try {
            return InfiniBand.parseState(KernelFiles.read(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("could not parse " + name + " file in " + file.getParent() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Adds the known counters of {@code dir}, keyed by metric name, multiplied as procfs does. */
    private static void readCounters(Path dir, Map<String, InfiniBand.Counter> known, Map<String, Long> out,
            boolean required) throws IOException {
        List<String> files;
        try {
            files = SysfsFiles.list(dir);
        } catch (NoSuchFileException e) {
            if (required) {
                throw e;
            }
            return;
        }
        for (String file : files) {
            InfiniBand.Counter counter = known.get(file);
            Path path = dir.resolve(file);
            if (counter == null) {
                continue;
            }
            String value;
            try {
                value = SysfsFiles.readNoFollow(path);
            } catch (IOException e) {
                if (SysfsFiles.isNotAttribute(e) || SysfsFiles.isMissing(e) || SysfsFiles.isPermission(e)
                        || SysfsFiles.isUnsupported(e)) {
                    continue;
                }
                throw new IOException("failed to read file " + path + ": " + e.getMessage(), e);
            }
            OptionalLong parsed = InfiniBand.parseCounter(value);
            if (parsed.isPresent()) {
                out.put(counter.metric(), parsed.getAsLong() * counter.multiplier());
            }
        }
    }

    private static Desc gauge(String name, String help) {
        return Desc.gauge("node_infiniband_" + name, help, "device", "port");
    }

    private static Map<String, Desc> counters() {
        String[][] helps = {
            {"legacy_multicast_packets_received_total", "Number of multicast packets received"},
            {"legacy_multicast_packets_transmitted_total", "Number of multicast packets transmitted"},
            {"legacy_data_received_bytes_total", "Number of data octets received on all links"},
            {"legacy_packets_received_total", "Number of data packets received on all links"},
            {"legacy_unicast_packets_received_total", "Number of unicast packets received"},
            {"legacy_unicast_packets_transmitted_total", "Number of unicast packets transmitted"},
            {"legacy_data_transmitted_bytes_total", "Number of data octets transmitted on all links"},
            {"legacy_packets_transmitted_total", "Number of data packets received on all links"},
            {"excessive_buffer_overrun_errors_total", "Number of times that OverrunErrors consecutive flow control"
                    + " update periods occurred, each having at least one overrun error."},
            {"link_downed_total", "Number of times the link failed to recover from an error state and went down"},
            {"link_error_recovery_total", "Number of times the link successfully recovered from an error state"},
            {"local_link_integrity_errors_total", "Number of times that the count of local physical errors exceeded"
                    + " the threshold specified by LocalPhyErrors."},
            {"multicast_packets_received_total", "Number of multicast packets received (including errors)"},
            {"multicast_packets_transmitted_total", "Number of multicast packets transmitted (including errors)"},
            {"port_constraint_errors_received_total",
                "Number of packets received on the switch physical port that are discarded"},
            {"port_constraint_errors_transmitted_total",
                "Number of packets not transmitted from the switch physical port"},
            {"port_data_received_bytes_total", "Number of data octets received on all links"},
            {"port_data_transmitted_bytes_total", "Number of data octets transmitted on all links"},
            {"port_discards_received_total",
                "Number of inbound packets discarded by the port because the port is down or congested"},
            {"port_discards_transmitted_total",
                "Number of outbound packets discarded by the port because the port is down or congested"},
            {"port_errors_received_total", "Number of packets containing an error that were received on this port"},
            {"port_packets_received_total", "Number of packets received on all VLs by this port (including errors)"},
            {"port_packets_transmitted_total",
                "Number of packets transmitted on all VLs from this port (including errors)"},
            {"port_transmit_wait_total", "Number of ticks during which the port had data to transmit but no data"
                    + " was sent during the entire tick"},
            {"unicast_packets_received_total", "Number of unicast packets received (including errors)"},
            {"unicast_packets_transmitted_total", "Number of unicast packets transmitted (including errors)"},
            {"port_receive_remote_physical_errors_total",
                "Number of packets marked with the EBP (End of Bad Packet) delimiter received on the port."},
            {"port_receive_switch_relay_errors_total", "Number of packets that could not be forwarded by the switch."},
            {"symbol_error_total", "Number of minor link errors detected on one or more physical lanes."},
            {"vl15_dropped_total", "Number of incoming VL15 packets dropped due to resource limitations."},
        };
        Map<String, Desc> descs = new HashMap<>();
        for (String[] help : helps) {
            descs.put(help[0], Desc.counter("node_infiniband_" + help[0], help[1], "device", "port"));
        }
        return Map.copyOf(descs);
    }
}
