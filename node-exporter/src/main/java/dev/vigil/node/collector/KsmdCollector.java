package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Kernel same-page merging statistics from {@code /sys/kernel/mm/ksm}. */
public final class KsmdCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("ksmd", false, context -> new KsmdCollector(context.paths()));

    /** The files read, in node_exporter's order. */
    private static final String[] FILES = {"full_scans", "merge_across_nodes", "pages_shared", "pages_sharing",
        "pages_to_scan", "pages_unshared", "pages_volatile", "run", "sleep_millisecs"};
    private static final Desc[] DESCS = new Desc[FILES.length];

    static {
        for (int i = 0; i < FILES.length; i++) {
            String file = FILES[i];
            String help = "ksmd '" + file + "' file.";
            DESCS[i] = switch (file) {
                case "full_scans" -> Desc.counter("node_ksmd_full_scans_total", help);
                case "sleep_millisecs" -> Desc.gauge("node_ksmd_sleep_seconds", help);
                default -> Desc.gauge("node_ksmd_" + file, help);
            };
        }
    }

    private final HostPaths paths;

    public KsmdCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "ksmd";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path dir = paths.sys("kernel", "mm", "ksm");
        double[] values = new double[FILES.length];
        for (int i = 0; i < FILES.length; i++) {
            Path file = dir.resolve(FILES[i]);
            String text;
            try {
                text = KernelFiles.readTrimmed(file);
            } catch (NoSuchFileException e) {
                throw new NoDataException(file + " does not exist");
            }
            try {
                values[i] = CpuCollector.unsignedToDouble(Long.parseUnsignedLong(text));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": not an unsigned integer: \"" + text + "\"", e);
            }
        }
        for (int i = 0; i < FILES.length; i++) {
            double value = FILES[i].equals("sleep_millisecs") ? values[i] / 1000 : values[i];
            sink.add(DESCS[i], value);
        }
    }
}
