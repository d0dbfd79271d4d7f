package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a process's network namespace counters from {@code <procfs>/<pid>/net/dev}, as cAdvisor
 * does for the root (PID 1) and for runtime containers whose init PID it knows. The file is
 * world-readable; the namespace link needs ptrace access to the process (root, or the same user).
 */
public final class NetworkReader {
    private final HostPaths paths;

    public NetworkReader(HostPaths paths) {
        this.paths = paths;
    }

    /**
     * The interfaces cAdvisor reports for this process ({@link NetDev#isIgnoredByCadvisor} ones
     * left out), or empty when the process is gone.
     *
     * @throws IOException when the file cannot be read or is malformed (the message names it)
     */
    public Optional<List<InterfaceStats>> read(long pid) throws IOException {
        return readAll(pid).map(NetDev::cadvisorInterfaces);
    }

    /** Every interface of the process's namespace, none left out; empty when the process is gone. */
    public Optional<List<InterfaceStats>> readAll(long pid) throws IOException {
        Path file = paths.proc(Long.toString(pid), "net", "dev");
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(NetDev.parse(content));
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The process's network namespace, or empty when the process is gone.
     *
     * @throws IOException when the link cannot be read (e.g. no ptrace access to the process) or
     *     is not a namespace link
     */
    public Optional<NetNamespaceId> namespace(long pid) throws IOException {
        Path link = paths.proc(Long.toString(pid), "ns", "net");
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(NetNamespaceId.parse(target));
        } catch (IllegalArgumentException e) {
            throw new IOException("unexpected link " + link + ": " + e.getMessage(), e);
        }
    }
}
