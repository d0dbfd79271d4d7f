package dev.vigil.jvm.host;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The per-process facts client_java's {@code process_*} metrics give, read from procfs for another process. */
public final class ProcessFiles {
    private final HostPaths paths;

    public ProcessFiles(HostPaths paths) {
        this.paths = paths;
    }

    /** {@code VmRSS} of {@code /proc/<pid>/status} in bytes, or -1 when the process is gone. */
    public long residentBytes(int pid) throws IOException {
        try {
            return ProcStatus.parse(Files.readString(paths.proc(Integer.toString(pid), "status"))).residentBytes();
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /** The entries of {@code /proc/<pid>/fd}, or -1 when the process is gone or we may not list them. */
    public int openFds(int pid) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(paths.proc(Integer.toString(pid), "fd"))) {
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
