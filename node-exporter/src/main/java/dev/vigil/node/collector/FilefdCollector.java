package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.FileNr;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** File handle usage from {@code /proc/sys/fs/file-nr}. */
public final class FilefdCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("filefd", true, context -> new FilefdCollector(context.paths()));

    private static final Desc ALLOCATED = Desc.gauge("node_filefd_allocated", "File descriptor statistics: allocated.");
    private static final Desc MAXIMUM = Desc.gauge("node_filefd_maximum", "File descriptor statistics: maximum.");

    private final HostPaths paths;

    public FilefdCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "filefd";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path file = paths.proc("sys", "fs", "file-nr");
        FileNr fileNr;
        try {
            fileNr = FileNr.parse(KernelFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new NoDataException(file + " does not exist");
        } catch (IllegalArgumentException e) {
            throw new IOException("couldn't get file-nr: " + file + ": " + e.getMessage(), e);
        }
        sink.add(ALLOCATED, fileNr.allocated());
        sink.add(MAXIMUM, fileNr.maximum());
    }
}
