package dev.vigil.container.cgroup;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every cgroup on the host, named by its path relative to the hierarchy root ({@code /},
 * {@code /system.slice/docker-<id>.scope}, {@code /kubepods/burstable/pod<uid>/<id>}): cAdvisor's
 * container names and {@code id} label.
 */
public final class CgroupTree {
    private static final int NOT_A_DIRECTORY = -1;
    /** The link count of a directory without subdirectories: its entry in the parent and its ".". */
    private static final int LEAF_LINKS = 2;
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;

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
        cgroups.add("/");
        try {
            addBelow(hierarchy, "", cgroups, new HashSet<>(), true);
        } catch (NoSuchFileException | DirectoryIteratorException gone) {
            // the hierarchy went away, or failed mid-listing: what was seen stays listed
        }
    }

    /**
     * Adds the cgroups below {@code dir} (named {@code name}; "" for the hierarchy). Only entries
     * that may be directories are stat'ed: every cgroup holds the same control files as the
     * hierarchy's root (a child has no more than its controllers'), so the names seen as files at
     * the root ({@code controlFiles}) are not stat'ed again below it; and a directory whose link count
     * is 2 has no subdirectories, so it is not listed. A cgroup directory holds tens of control files,
     * and stat'ing each of them on every scrape was most of a scrape's cost (BENCHMARKS.md).
     * cgroupfs (kernfs), ext4 and tmpfs count a directory's links as 2 + its subdirectories; file
     * systems that do not (btrfs and overlayfs report 1) are listed in full.
     */
    private static void addBelow(Path dir, String name, SortedSet<String> cgroups, Set<String> controlFiles,
            boolean root) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String child = entry.getFileName().toString();
                if (!root && controlFiles.contains(child)) {
                    continue;
                }
                int links = directoryLinks(entry);
                if (links == NOT_A_DIRECTORY) {
                    if (root) {
                        controlFiles.add(child);
                    }
                    continue; // a control file or a vanished entry
                }
                if (child.endsWith(".mount")) {
                    continue; // a systemd mount unit: never a container
                }
                String childName = name + "/" + child;
                cgroups.add(childName);
                if (links != LEAF_LINKS) {
                    try {
                        addBelow(entry, childName, cgroups, controlFiles, false);
                    } catch (IOException | DirectoryIteratorException e) {
                        // removed (or unreadable) while we walked: what was seen stays listed
                    }
                }
            }
        }
    }

    /** A directory's link count (0 where the file system has no "unix" view); -1 for anything else. */
    private static int directoryLinks(Path entry) {
        try {
            Map<String, Object> attrs = Files.readAttributes(entry, "unix:mode,nlink", LinkOption.NOFOLLOW_LINKS);
            return ((Integer) attrs.get("mode") & S_IFMT) == S_IFDIR ? (Integer) attrs.get("nlink") : NOT_A_DIRECTORY;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? 0 : NOT_A_DIRECTORY;
        } catch (IOException gone) {
            return NOT_A_DIRECTORY;
        }
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
