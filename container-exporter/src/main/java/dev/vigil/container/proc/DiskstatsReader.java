package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads {@code <procfs>/diskstats}. */
public final class DiskstatsReader {
    private final HostPaths paths;

    public DiskstatsReader(HostPaths paths) {
        this.paths = paths;
    }

    /**
     * Every line, none filtered; empty when the file does not exist (cAdvisor then collects no
     * filesystem statistics and says so, not an error).
     *
     * @throws IOException when the file cannot be read or is malformed (the message names it)
     */
    public List<DiskStats> readAll() throws IOException {
        Path file = paths.proc("diskstats");
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        try {
            return ProcDiskstats.parse(content);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lines cAdvisor keeps, by {@code /dev/<name>}; see {@link ProcDiskstats#cadvisorByDevicePath}. */
    public Map<String, DiskStats> readCadvisor() throws IOException {
        return ProcDiskstats.cadvisorByDevicePath(readAll());
    }
}
