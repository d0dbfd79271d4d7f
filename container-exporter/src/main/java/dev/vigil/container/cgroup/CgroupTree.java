package dev.vigil.container.cgroup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every cgroup on the host, named by its path relative to the hierarchy root ({@code /},
 * {@code /system.slice/docker-<id>.scope}, {@code /kubepods/burstable/pod<uid>/<id>}): cAdvisor's
 * container names and {@code id} label.
 */
public final class CgroupTree {
    private final CgroupMounts mounts;

    public CgroupTree(CgroupMounts mounts) {
        this.mounts = mounts;
    }

    /**
     * The cgroups, sorted. On v1 and hybrid the union of the directories of all controller
     * hierarchies (a cgroup may exist under {@code memory} only); on v2 the single tree. systemd
     * {@code .mount} cgroups are left out, as cAdvisor never makes them containers. Directories that
     * vanish during the walk are skipped: containers come and go while we list.
     */
    public List<String> list() throws IOException {
        Collection<Path> hierarchies = mounts.mode() == CgroupMode.V2
                ? mounts.unified().stream().toList()
                : mounts.v1Hierarchies();
        SortedSet<String> cgroups = new TreeSet<>();
        for (Path hierarchy : hierarchies) {
            walk(hierarchy, cgroups);
        }
        return List.copyOf(cgroups);
    }

    private static void walk(Path hierarchy, SortedSet<String> cgroups) throws IOException {
        if (!Files.isDirectory(hierarchy)) {
            return;
        }
        Files.walkFileTree(hierarchy, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(hierarchy) && dir.getFileName().toString().endsWith(".mount")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                cgroups.add(name(hierarchy, dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException || !file.equals(hierarchy)) {
                    return FileVisitResult.CONTINUE; // removed (or unreadable) while we walked
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                return FileVisitResult.CONTINUE; // a directory removed mid-listing keeps what was seen
            }
        });
    }

    /** {@code <hierarchy>/a/b} → {@code /a/b}; the hierarchy itself → {@code /}. */
    static String name(Path hierarchy, Path dir) {
        Path relative = hierarchy.relativize(dir);
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (!part.toString().isEmpty()) {
                name.append('/').append(part);
            }
        }
        return name.isEmpty() ? "/" : name.toString();
    }
}
