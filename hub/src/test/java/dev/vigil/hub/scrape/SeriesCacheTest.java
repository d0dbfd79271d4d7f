package dev.vigil.hub.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vigil.model.Labels;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesCacheTest {
    private static SeriesCache.Key key(String text, int offset) {
        byte[] b = new byte[offset + text.length() + 3];
        System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, b, offset, text.length());
        return new SeriesCache.Key().set(b, offset, offset + text.length());
    }

    @Test
    void theSameTextAnywhereInABufferFindsTheSameEntry() {
        SeriesCache cache = new SeriesCache();
        SeriesCache.Entry added = cache.add(key("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}", 0), Labels.EMPTY, 1);
        assertSame(added, cache.get(key("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}", 5)));
        assertNull(cache.get(key("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}", 0)));
        assertNull(cache.get(key("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} ", 0)), "a different length");
    }

    @Test
    void nearlyIdenticalSeriesTextsNeverShareAHashLane() {
        Set<Long> lane1 = new HashSet<>();
        Set<Long> lane2 = new HashSet<>();
        int n = 0;
        for (int cpu = 0; cpu < 256; cpu++) {
            for (String mode : new String[] {"idle", "user", "system", "iowait", "irq", "softirq", "steal", "nice"}) {
                for (int replica = 0; replica < 100; replica++) {
                    SeriesCache.Key k = key("node_cpu_seconds_total{cpu=\"" + cpu + "\",mode=\"" + mode + "\",replica=\"" + replica + "\"}", 0);
                    lane1.add(k.hash1);
                    lane2.add(k.hash2);
                    n++;
                }
            }
        }
        assertEquals(n, lane1.size(), "64-bit lane 1 collided");
        assertEquals(n, lane2.size(), "64-bit lane 2 collided");
    }

    @Test
    void removeIfShrinksAndKeepsTheRestFindable() {
        SeriesCache cache = new SeriesCache();
        for (int i = 0; i < 10_000; i++) {
            cache.add(key("m{i=\"" + i + "\"}", 0), Labels.EMPTY, i % 2);
        }
        cache.removeIf(e -> e.created == 0);
        assertEquals(5_000, cache.size());
        for (int i = 0; i < 10_000; i++) {
            SeriesCache.Entry e = cache.get(key("m{i=\"" + i + "\"}", 0));
            if (i % 2 == 0) {
                assertNull(e);
            } else {
                assertNotNull(e);
            }
        }
    }
}
