package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.exporter.syscall.Uname;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code node_uname_info}: what {@code uname(2)} returns, read from the kernel's own copies under
 * {@code <procfs>/sys/kernel} so that {@code --path.procfs} is honoured. The machine comes from
 * {@code sys/kernel/arch} where the kernel has it (6.1 and later), else from {@code uname(2)}.
 */
public final class UnameCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("uname", true, context -> new UnameCollector(context.paths()));

    private static final Desc INFO = Desc.gauge("node_uname_info",
            "Labeled system information as provided by the uname system call.",
            "sysname", "release", "version", "machine", "nodename", "domainname");

    private final HostPaths paths;

    public UnameCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "uname";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        sink.add(INFO, 1, kernel("ostype"), kernel("osrelease"), kernel("version"), machine(), kernel("hostname"),
                kernel("domainname"));
    }

    private String kernel(String name) throws IOException {
        return KernelFiles.readTrimmed(paths.proc("sys", "kernel", name));
    }

    private String machine() throws IOException {
        Path arch = paths.proc("sys", "kernel", "arch");
        return Files.exists(arch) ? KernelFiles.readTrimmed(arch) : Uname.machine();
    }
}
