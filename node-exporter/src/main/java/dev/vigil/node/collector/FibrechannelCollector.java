package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Unsigned;
import dev.vigil.node.sysfs.FibreChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fibre Channel host ports from {@code /sys/class/fc_host}: an info sample and the port counters. */
public final class FibrechannelCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("fibrechannel", true, context -> new FibrechannelCollector(context.paths()));

    private static final Desc INFO = Desc.gauge("node_fibrechannel_info",
            "Non-numeric data from /sys/class/fc_host/<host>, value is always 1.", "fc_host", "speed", "port_state",
            "port_type", "port_id", "port_name", "fabric_name", "symbolic_name", "supported_classes",
            "supported_speeds", "dev_loss_tmo");

    /** Reported counters: statistics file, family. A counter the firmware does not implement is left out. */
    private static final List<Map.Entry<String, Desc>> COUNTERS = List.of(
            counter("dumped_frames", "dumped_frames_total", "Number of dumped frames"),
            counter("error_frames", "error_frames_total", "Number of errors in frames"),
            counter("invalid_crc_count", "invalid_crc_total", "Invalid Cyclic Redundancy Check count"),
            counter("rx_frames", "rx_frames_total", "Number of frames received"),
            counter("rx_words", "rx_words_total", "Number of words received by host port"),
            counter("tx_frames", "tx_frames_total", "Number of frames transmitted by host port"),
            counter("tx_words", "tx_words_total", "Number of words transmitted by host port"),
            counter("seconds_since_last_reset", "seconds_since_last_reset_total",
                    "Number of seconds since last host port reset"),
            counter("invalid_tx_word_count", "invalid_tx_words_total",
                    "Number of invalid words transmitted by host port"),
            counter("link_failure_count", "link_failure_total", "Number of times the host port link has failed"),
            counter("loss_of_sync_count", "loss_of_sync_total",
                    "Number of failures on either bit or transmission word boundaries"),
            counter("loss_of_signal_count", "loss_of_signal_total", "Number of times signal has been lost"),
            counter("nos_count", "nos_total", "Number Not_Operational Primitive Sequence received by host port"),
            counter("fcp_packet_aborts", "fcp_packet_aborts_total", "Number of aborted packets"));

    private final HostPaths paths;

    public FibrechannelCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "fibrechannel";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path classDir = paths.sys("class", "fc_host");
        if (!Files.isDirectory(classDir)) {
            throw new NoDataException("fibrechannel statistics not found, skipping");
        }
        List<FibreChannel.Host> hosts = new ArrayList<>();
        for (String name : KernelFiles.list(classDir)) {
            hosts.add(read(classDir.resolve(name), name));
        }
        for (FibreChannel.Host host : hosts) {
            sink.add(INFO, 1, host.name(), host.attribute("speed"), host.attribute("port_state"),
                    host.attribute("port_type"), host.attribute("port_id"), host.attribute("port_name"),
                    host.attribute("fabric_name"), host.attribute("symbolic_name"), host.attribute("supported_classes"),
                    host.attribute("supported_speeds"), host.attribute("dev_loss_tmo"));
            for (Map.Entry<String, Desc> counter : COUNTERS) {
                long value = host.counter(counter.getKey());
                if (value != FibreChannel.NOT_IMPLEMENTED) {
                    sink.add(counter.getValue(), Unsigned.toDouble(value), host.name());
                }
            }
        }
    }

    private static FibreChannel.Host read(Path dir, String name) throws IOException {
        Map<String, String> attributes = new HashMap<>();
        for (String file : FibreChannel.ATTRIBUTES) {
            Path path = dir.resolve(file);
            try {
                attributes.put(file, FibreChannel.attribute(file, KernelFiles.readTrimmed(path)));
            } catch (IOException e) {
                throw new IOException("error obtaining FibreChannel class info: failed to read file " + path, e);
            }
        }
        Path statistics = dir.resolve("statistics");
        if (!Files.isDirectory(statistics)) {
            throw new IOException("error obtaining FibreChannel class info: no " + statistics);
        }
        Map<String, Long> counters = new HashMap<>();
        for (String file : KernelFiles.list(statistics)) {
            Path path = statistics.resolve(file);
            if (file.equals("reset_statistics") || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String text;
            try {
                text = KernelFiles.readTrimmed(path);
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                // Statistics the driver does not support fail to read (EOPNOTSUPP, EINVAL); skip them.
                if (isUnsupported(e)) {
                    continue;
                }
                throw new IOException("error obtaining FibreChannel class info: failed to read file " + path, e);
            }
            if (FibreChannel.COUNTERS.contains(file)) {
                try {
                    counters.put(file, FibreChannel.counter(text));
                } catch (IllegalArgumentException e) {
                    throw new IOException("error obtaining FibreChannel class info: " + path + ": " + e.getMessage(), e);
                }
            }
        }
        return new FibreChannel.Host(name, attributes, counters);
    }

    private static boolean isUnsupported(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Operation not supported") || message.contains("Invalid argument");
    }

    private static Map.Entry<String, Desc> counter(String file, String name, String help) {
        return Map.entry(file, Desc.counter("node_fibrechannel_" + name, help, "fc_host"));
    }
}
