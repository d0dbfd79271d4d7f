package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.exporter.host.OsRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * {@code node_os_info} and {@code node_os_version} from the root filesystem's {@code
 * etc/os-release}, else {@code usr/lib/os-release}. The parsed file is kept until its modification
 * time changes, as node_exporter keeps it.
 */
public final class OsCollector implements Collector {
    public static final CollectorFactory FACTORY = Factories.of("os", true, context -> new OsCollector(context.paths()));

    private static final Desc INFO = Desc.gauge("node_os_info",
            "A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, name, "
                    + "pretty_name, variant, variant_id, version, version_codename, version_id.",
            "build_id", "id", "id_like", "image_id", "image_version", "name", "pretty_name", "variant", "variant_id",
            "version", "version_codename", "version_id");
    private static final Desc VERSION = Desc.gauge("node_os_version",
            "Metric containing the major.minor part of the OS version.", "id", "id_like", "name");

    private final List<Path> files;

    /** The last file parsed, its modification time and what it said. */
    private record Cached(Path file, FileTime modified, OsRelease release) {
    }

    private volatile Cached cached;

    public OsCollector(HostPaths paths) {
        this.files = List.of(paths.root("etc", "os-release"), paths.root("usr", "lib", "os-release"));
    }

    @Override
    public String name() {
        return "os";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        OsRelease release = null;
        for (Path file : files) {
            try {
                release = load(file);
                break;
            } catch (NoSuchFileException e) {
                // try the next one
            }
        }
        if (release == null) {
            throw new NoDataException("no os-release file found: " + files);
        }
        sink.add(INFO, 1, release.get("BUILD_ID"), release.get("ID"), release.get("ID_LIKE"), release.get("IMAGE_ID"),
                release.get("IMAGE_VERSION"), release.get("NAME"), release.get("PRETTY_NAME"), release.get("VARIANT"),
                release.get("VARIANT_ID"), release.get("VERSION"), release.get("VERSION_CODENAME"),
                release.get("VERSION_ID"));
        double version = release.version();
        if (version > 0) {
            sink.add(VERSION, version, release.get("ID"), release.get("ID_LIKE"), release.get("NAME"));
        }
    }

    private OsRelease load(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        Cached last = cached;
        if (last != null && last.file().equals(file) && last.modified().equals(modified)) {
            return last.release();
        }
        OsRelease release;
        try {
            release = OsRelease.parse(KernelFiles.read(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        cached = new Cached(file, modified, release);
        return release;
    }
}
