package dev.vigil.jvm.host;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** The per-process facts client_java's {@code process_*} metrics give, read from procfs for another process. */
public final class ProcessFiles {
    private final HostPaths paths;
    private Boolean realProcfs;

    public ProcessFiles(HostPaths paths) {
        this.paths = paths;
    }

    /** Whether the procfs path is a real procfs (a fixture tree's directory sizes count bytes, not fds). */
    private boolean sizeCountsFds() {
        if (realProcfs == null) {
            try {
                realProcfs = "proc".equals(Files.getFileStore(paths.procfs()).type());
            } catch (IOException e) {
                realProcfs = false;
            }
        }
        return realProcfs;
    }

    /** {@code VmRSS} of {@code /proc/<pid>/status} in bytes, or -1 when the process is gone. */
    public long residentBytes(int pid) throws IOException {
        try {
            return ProcStatus.parse(Files.readString(paths.proc(Integer.toString(pid), "status"))).residentBytes();
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /**
     * The entries of {@code /proc/<pid>/fd}, or -1 when the process is gone or we may not list them.
     * On Linux 6.2 and later a real procfs gives the count as the directory's size, one {@code stat}
     * instead of opening and reading the directory (measured: listing 20 JVMs' fds was a visible share
     * of a scrape's kernel time); older kernels say 0 there, and then it is listed.
     */
    public int openFds(int pid) throws IOException {
        Path dir = paths.proc(Integer.toString(pid), "fd");
        if (sizeCountsFds()) {
            try {
                long size = Files.readAttributes(dir, BasicFileAttributes.class).size();
                if (size > 0 && size <= Integer.MAX_VALUE) {
                    return (int) size;
                }
            } catch (NoSuchFileException | java.nio.file.AccessDeniedException e) {
                return -1;
            }
        }
        int count = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir)) {
            for (Path ignored : fds) {
                count++;
            }
        } catch (NoSuchFileException | java.nio.file.AccessDeniedException e) {
            return -1;
        }
        return count;
    }

    /** The {@code btime} line of {@code /proc/stat}: boot time in seconds since the epoch. */
    public long bootTimeSeconds() throws IOException {
        for (String line : Files.readAllLines(paths.proc("stat"))) {
            if (line.startsWith("btime ")) {
                return Long.parseLong(line.substring(6).strip());
            }
        }
        throw new IOException(paths.proc("stat") + " has no btime line");
    }
}
