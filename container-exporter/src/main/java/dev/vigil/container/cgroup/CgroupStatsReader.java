package dev.vigil.container.cgroup;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.time.Clock;

/**
 * Reads one cgroup's {@link CgroupStats}. A reader keeps the cgroup files it reads open between
 * scrapes; {@link #endScrape()} closes those of cgroups not read in the scrape that ends.
 */
public interface CgroupStatsReader extends AutoCloseable {

    /**
     * The stats of {@code cgroup} (a name from {@link CgroupTree#list()}, e.g. {@code /docker/<id>}).
     *
     * @throws java.nio.file.NoSuchFileException when the cgroup exists in no hierarchy (it was removed)
     * @throws IOException when the name is not a cgroup name
     */
    default CgroupStats read(String cgroup) throws IOException {
        return read(cgroup, StatsSelection.ALL);
    }

    /** As {@link #read(String)}, reading only the selected parts (the others are absent). */
    CgroupStats read(String cgroup, StatsSelection selection) throws IOException;

    /** Ends a scrape: files of cgroups not read since the previous call are closed. */
    default void endScrape() {
    }

    /** Closes every file kept open. */
    @Override
    default void close() {
    }

    /** The reader for the mounts' mode: v2 on V2, v1 on V1 and HYBRID (as cAdvisor treats hybrid). */
    static CgroupStatsReader of(CgroupMounts mounts, HostPaths paths, Clock clock) {
        return mounts.mode() == CgroupMode.V2
                ? new V2StatsReader(mounts.unified().orElseThrow(), paths, clock)
                : new V1StatsReader(mounts, clock);
    }

    static CgroupStatsReader of(CgroupMounts mounts, HostPaths paths) {
        return of(mounts, paths, Clock.systemUTC());
    }

    /**
     * {@code /a/b} → {@code a/b}, refusing names that would leave the hierarchy ({@code ..}) or are
     * not absolute.
     */
    static String relative(String cgroup) throws IOException {
        if (!cgroup.startsWith("/")) {
            throw new IOException("cgroup name must start with '/': " + cgroup);
        }
        for (String part : cgroup.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw new IOException("cgroup name must not contain '.' or '..': " + cgroup);
            }
        }
        int start = 0;
        while (start < cgroup.length() && cgroup.charAt(start) == '/') {
            start++;
        }
        return cgroup.substring(start);
    }
}
