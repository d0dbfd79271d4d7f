package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vigil.container.cgroup.CgroupStats.CpuSpec;
import dev.vigil.container.cgroup.CgroupStats.MemorySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpecCacheTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private static SpecCache.Spec spec(long limit) {
        return new SpecCache.Spec(new CpuSpec(OptionalLong.of(100000), OptionalLong.of(0), OptionalLong.of(1024)),
                new MemorySpec(OptionalLong.of(limit), OptionalLong.of(0), OptionalLong.of(0)), true);
    }

    @Test
    void readAgainOnlyAfterTheTtl() throws Exception {
        SpecCache cache = new SpecCache(() -> now);
        AtomicInteger reads = new AtomicInteger();
        SpecCache.SpecReader reader = () -> spec(reads.incrementAndGet());
        SpecCache.Spec first = cache.get("/a", reader);
        now = now.plus(SpecCache.TTL.minusMillis(1));
        assertSame(first, cache.get("/a", reader), "within the TTL the files are not read again");
        now = now.plusMillis(1);
        assertEquals(OptionalLong.of(2), cache.get("/a", reader).memory().limit(), "a new limit after the TTL");
        now = now.minus(Duration.ofHours(1)); // the clock stepped back: never trust an entry from the future
        assertEquals(OptionalLong.of(3), cache.get("/a", reader).memory().limit());
    }

    @Test
    void goneCgroupsAreDropped() throws Exception {
        SpecCache cache = new SpecCache(() -> now);
        for (int i = 0; i < 1000; i++) {
            cache.get("/docker/" + i, () -> spec(1));
        }
        assertEquals(1000, cache.size());
        now = now.plus(SpecCache.TTL);
        cache.get("/docker/live", () -> spec(1));
        assertEquals(1, cache.size(), "the 1000 short-lived cgroups leave nothing behind");
    }
}
