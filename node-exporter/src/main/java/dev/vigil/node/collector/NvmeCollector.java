package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** NVMe controllers from {@code /sys/class/nvme}: one info sample each (firmware, model, serial, state). */
public final class NvmeCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("nvme", true, context -> new NvmeCollector(context.paths()));

    private static final Desc INFO = Desc.gauge("node_nvme_info",
            "Non-numeric data from /sys/class/nvme/<device>, value is always 1.", "device", "firmware_revision",
            "model", "serial", "state");

    private final HostPaths paths;

    public NvmeCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "nvme";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path classDir = paths.sys("class", "nvme");
        if (!Files.isDirectory(classDir)) {
            throw new NoDataException("nvme statistics not found, skipping");
        }
        List<String[]> controllers = new ArrayList<>();
        for (String name : KernelFiles.list(classDir)) {
            Path dir = classDir.resolve(name);
            controllers.add(new String[] {name, attribute(dir, "firmware_rev"), attribute(dir, "model"),
                attribute(dir, "serial"), attribute(dir, "state")});
        }
        for (String[] controller : controllers) {
            sink.add(INFO, 1, controller);
        }
    }

    private static String attribute(Path dir, String file) throws IOException {
        try {
            return KernelFiles.readTrimmed(dir.resolve(file));
        } catch (IOException e) {
            throw new IOException("error obtaining NVMe class info: failed to read file " + dir.resolve(file), e);
        }
    }
}
