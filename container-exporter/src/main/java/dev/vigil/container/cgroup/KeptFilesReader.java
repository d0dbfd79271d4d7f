package dev.vigil.container.cgroup;

import java.time.Clock;

/**
 * What both stats readers keep between scrapes: the cgroup files left open ({@link FileHandles})
 * and the limits read at most every 5 s ({@link SpecCache}).
 */
abstract class KeptFilesReader implements CgroupStatsReader {
    final FileHandles handles = new FileHandles();
    final SpecCache specs;
    final Clock clock;

    KeptFilesReader(Clock clock) {
        this.clock = clock;
        this.specs = new SpecCache(clock::instant);
    }

    @Override
    public void endScrape() {
        handles.sweep();
    }

    @Override
    public void close() {
        handles.close();
    }
}
