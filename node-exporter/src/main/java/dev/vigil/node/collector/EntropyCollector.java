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

/** The kernel's entropy pool from {@code /proc/sys/kernel/random/entropy_avail} and {@code poolsize}. */
public final class EntropyCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("entropy", true, context -> new EntropyCollector(context.paths()));

    private static final Desc AVAILABLE = Desc.gauge("node_entropy_available_bits", "Bits of available entropy.");
    private static final Desc POOL_SIZE = Desc.gauge("node_entropy_pool_size_bits", "Bits of entropy pool.");

    private final HostPaths paths;

    public EntropyCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "entropy";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        sink.add(AVAILABLE, readUnsigned(paths.proc("sys", "kernel", "random", "entropy_avail")));
        sink.add(POOL_SIZE, readUnsigned(paths.proc("sys", "kernel", "random", "poolsize")));
    }

    private static double readUnsigned(Path file) throws IOException {
        String text;
        try {
            text = KernelFiles.readTrimmed(file);
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not an unsigned integer: " + text, e);
        }
    }
}
