package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Unsigned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** SCSI tape drive statistics from {@code /sys/class/scsi_tape/st<N>/stats/}. */
public final class TapestatsCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    private static final Log LOG = Log.get(TapestatsCollector.class);
    private static final double NANOSECONDS = 0.000000001;

    /** Reported statistics: file, family, scale. */
    private record Stat(String file, Desc desc, double scale) {
    }

    private static final List<Stat> STATS = List.of(
            new Stat("in_flight", Desc.gauge("node_tape_io_now",
                    "The number of I/Os currently outstanding to this device.", "device"), 1),
            new Stat("io_ns", Desc.counter("node_tape_io_time_seconds_total", "The amount of time spent waiting for "
                    + "all I/O to complete (including read and write). This includes tape movement commands such as "
                    + "seeking between file or set marks and implicit tape movement such as when rewind on close tape "
                    + "devices are used.", "device"), NANOSECONDS),
            new Stat("other_cnt", Desc.counter("node_tape_io_others_total", "The number of I/Os issued to the tape "
                    + "drive other than read or write commands. The time taken to complete these commands uses the "
                    + "following calculation io_time_seconds_total-read_time_seconds_total-write_time_seconds_total",
                    "device"), 1),
            new Stat("read_byte_cnt", Desc.counter("node_tape_read_bytes_total",
                    "The number of bytes read from the tape drive.", "device"), 1),
            new Stat("read_cnt", Desc.counter("node_tape_reads_completed_total",
                    "The number of read requests issued to the tape drive.", "device"), 1),
            new Stat("read_ns", Desc.counter("node_tape_read_time_seconds_total",
                    "The amount of time spent waiting for read requests to complete.", "device"), NANOSECONDS),
            new Stat("resid_cnt", Desc.counter("node_tape_residual_total", "The number of times during a read or "
                    + "write we found the residual amount to be non-zero. This should mean that a program is issuing "
                    + "a read larger thean the block size on tape. For write not all data made it to tape.",
                    "device"), 1),
            new Stat("write_byte_cnt", Desc.counter("node_tape_written_bytes_total",
                    "The number of bytes written to the tape drive.", "device"), 1),
            new Stat("write_cnt", Desc.counter("node_tape_writes_completed_total",
                    "The number of write requests issued to the tape drive.", "device"), 1),
            new Stat("write_ns", Desc.counter("node_tape_write_time_seconds_total",
                    "The amount of time spent waiting for write requests to complete.", "device"), NANOSECONDS));

    private final HostPaths paths;
    private final Pattern ignored;

    public TapestatsCollector(HostPaths paths, Pattern ignored) {
        this.paths = paths;
        this.ignored = ignored;
    }

    @Override
    public String name() {
        return "tapestats";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path classDir = paths.sys("class", "scsi_tape");
        if (!Files.isDirectory(classDir)) {
            throw new NoDataException("scsi_tape stats not found, skipping");
        }
        List<String> names = new ArrayList<>();
        List<Map<String, Long>> stats = new ArrayList<>();
        for (String name : KernelFiles.list(classDir)) {
            if (isTape(name)) {
                names.add(name);
                stats.add(read(classDir.resolve(name).resolve("stats")));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (ignored.matcher(name).find()) {
                LOG.debug("Ignoring device", "device", name);
                continue;
            }
            for (Stat stat : STATS) {
                sink.add(stat.desc(), Unsigned.toDouble(stats.get(i).getOrDefault(stat.file(), 0L)) * stat.scale(),
                        name);
            }
        }
    }

    /** {@code st} and digits: the rewinding node; {@code nst0}, {@code st0a}... are the same drive. */
    static boolean isTape(String name) {
        if (name.length() < 3 || !name.startsWith("st")) {
            return false;
        }
        for (int i = 2; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Long> read(Path dir) throws IOException {
        Map<String, Long> values = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new IOException("error obtaining SCSITape class info: no " + dir);
        }
        for (String file : KernelFiles.list(dir)) {
            Path path = dir.resolve(file);
            String text;
            try {
                text = KernelFiles.readTrimmed(path);
            } catch (IOException e) {
                throw new IOException("error obtaining SCSITape class info: failed to read file " + path, e);
            }
            if (STATS.stream().noneMatch(stat -> stat.file().equals(file))) {
                continue;
            }
            try {
                values.put(file, Unsigned.parseAnyBase(text));
            } catch (NumberFormatException e) {
                throw new IOException("error obtaining SCSITape class info: " + path + ": " + e.getMessage(), e);
            }
        }
        return values;
    }

    /** The {@code --collector.tapestats.ignored-devices} flag. */
    private static final class Factory implements CollectorFactory {
        private static final String IGNORED = "collector.tapestats.ignored-devices";

        @Override
        public String name() {
            return "tapestats";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string(IGNORED, "Regexp of devices to ignore for tapestats.", "^$");
        }

        @Override
        public Collector create(CollectorContext context) {
            return new TapestatsCollector(context.paths(),
                    Pattern.compile((String) context.flags().lookup(IGNORED).get()));
        }
    }
}
