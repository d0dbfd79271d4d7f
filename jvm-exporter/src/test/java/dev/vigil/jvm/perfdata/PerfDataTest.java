package dev.vigil.jvm.perfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PerfDataTest {
    private static final Path DIR = Path.of("src/test/resources/perfdata");

    static ByteBuffer capture(String name) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(DIR.resolve(name + ".hsperfdata")));
    }

    /** jcmd's {@code name=value} lines; string values keep their quotes. */
    static Map<String, String> counters(String name) throws IOException {
        Map<String, String> counters = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve(name + ".counters"))) {
            int eq = line.indexOf('=');
            counters.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return counters;
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial-jdk25", "parallel-jdk25", "g1-jdk25", "z-jdk25", "g1-jdk17", "z-jdk17"})
    void capturedRegionsHoldWhatJcmdPrinted(String name) throws IOException {
        PerfData data = PerfData.parse(capture(name));
        Map<String, String> jcmd = counters(name);

        assertEquals(ByteOrder.LITTLE_ENDIAN, data.prologue().order());
        assertEquals(2, data.prologue().majorVersion());
        assertTrue(data.accessible());
        // jcmd adds sun.perfdata.* from the prologue; the rest are the region's entries.
        assertEquals(Long.parseLong(jcmd.remove("sun.perfdata.majorVersion")), data.prologue().majorVersion());
        assertEquals(Long.parseLong(jcmd.remove("sun.perfdata.minorVersion")), data.prologue().minorVersion());
        assertEquals(Long.parseLong(jcmd.remove("sun.perfdata.overflow")), data.prologue().overflow());
        jcmd.keySet().removeIf(key -> key.startsWith("sun.perfdata."));
        java.util.Set<String> missing = new java.util.TreeSet<>(jcmd.keySet());
        missing.removeAll(data.entries().keySet());
        java.util.Set<String> extra = new java.util.TreeSet<>(data.entries().keySet());
        extra.removeAll(jcmd.keySet());
        assertEquals(java.util.Set.of(), missing, "printed by jcmd but not parsed");
        assertEquals(java.util.Set.of(), extra, "parsed but not printed by jcmd");
        int compared = 0;
        for (Entry entry : data.entries().values()) {
            String printed = jcmd.get(entry.name());
            if (entry.isString()) {
                assertEquals(printed, '"' + data.stringValue(entry) + '"', entry.name());
                compared++;
            } else if (entry.isLong()) {
                long value = data.longValue(entry);
                if (entry.variability() == Variability.CONSTANT) {
                    assertEquals(Long.parseLong(printed), value, entry.name());
                } else if (entry.variability() == Variability.MONOTONIC) {
                    assertTrue(value >= Long.parseLong(printed), entry.name() + " went back: " + value + " < " + printed);
                }
                compared++;
            }
        }
        assertEquals(data.entries().size(), compared, "every entry is a long or a string");
    }

    @Test
    void describesEntriesAsHotSpotDeclaresThem() throws IOException {
        PerfData data = PerfData.parse(capture("g1-jdk25"));

        Entry frequency = data.entry("sun.os.hrt.frequency");
        assertEquals(Units.HERTZ, frequency.units());
        assertEquals(Variability.CONSTANT, frequency.variability());
        assertEquals(1_000_000_000L, data.longValue(frequency));
        Entry gcTime = data.entry("sun.gc.collector.0.time");
        assertEquals(Units.TICKS, gcTime.units());
        assertEquals(Variability.MONOTONIC, gcTime.variability());
        assertEquals(Units.BYTES, data.entry("sun.gc.metaspace.used").units());
        assertEquals(Units.STRING, data.entry("sun.rt.javaCommand").units());
        assertEquals("Idle 120000", data.stringValue("sun.rt.javaCommand"));
        assertEquals("G1 young collection pauses", data.stringValue("sun.gc.collector.0.name"));
        assertEquals(-1, data.longValue("no.such.counter", -1));
        assertEquals(null, data.stringValue("no.such.counter"));
        assertFalse(data.structureChanged());
    }

    @Test
    void readsValuesLiveAndNoticesNewEntries() throws IOException {
        ByteBuffer region = capture("serial-jdk25");
        PerfData data = PerfData.parse(region);
        Entry threads = data.entry("java.threads.live");
        region.order(ByteOrder.LITTLE_ENDIAN).putLong(threads.dataOffset(), 42);
        assertEquals(42, data.longValue(threads), "values come from the buffer at each read");

        region.putInt(28, region.getInt(28) + 1);
        assertTrue(data.structureChanged(), "a larger entry count means the index is stale");
    }

    @Test
    void truncatedRegionIsRejected() throws IOException {
        ByteBuffer full = capture("g1-jdk25");
        for (int size : new int[] {0, 7, 31, 32, 100, full.limit() / 2, full.limit() - 1}) {
            ByteBuffer cut = full.duplicate().limit(size).slice();
            MalformedPerfDataException e = assertThrows(MalformedPerfDataException.class, () -> PerfData.parse(cut),
                    "cut at " + size);
            assertNotNull(e.getMessage());
        }
    }

    @Test
    void badMagicIsRejected() throws IOException {
        ByteBuffer region = capture("g1-jdk25");
        region.put(0, (byte) 0xca).put(1, (byte) 0xfe).put(2, (byte) 0xba).put(3, (byte) 0xbe);
        MalformedPerfDataException e = assertThrows(MalformedPerfDataException.class, () -> PerfData.parse(region));
        assertTrue(e.getMessage().contains("bad magic 0xcafebabe"), e.getMessage());
    }

    @Test
    void unknownVersionAndByteOrderAreRejected() throws IOException {
        ByteBuffer version = capture("g1-jdk25").put(5, (byte) 3);
        assertTrue(assertThrows(MalformedPerfDataException.class, () -> PerfData.parse(version)).getMessage()
                .contains("version 3.0"));
        ByteBuffer order = capture("g1-jdk25").put(4, (byte) 7);
        assertTrue(assertThrows(MalformedPerfDataException.class, () -> PerfData.parse(order)).getMessage()
                .contains("byte order"));
    }

    @Test
    void entryPastTheEndIsRejected() throws IOException {
        ByteBuffer region = capture("g1-jdk25").order(ByteOrder.LITTLE_ENDIAN);
        int first = region.getInt(24);
        region.putInt(first, Integer.MAX_VALUE);
        assertTrue(assertThrows(MalformedPerfDataException.class, () -> PerfData.parse(region)).getMessage()
                .contains("past the end"));

        ByteBuffer vector = capture("g1-jdk25").order(ByteOrder.LITTLE_ENDIAN);
        vector.putInt(first + 8, Integer.MAX_VALUE / 2);
        assertThrows(MalformedPerfDataException.class, () -> PerfData.parse(vector));

        ByteBuffer count = capture("g1-jdk25").order(ByteOrder.LITTLE_ENDIAN);
        count.putInt(28, count.getInt(28) + 5);
        assertTrue(assertThrows(MalformedPerfDataException.class, () -> PerfData.parse(count)).getMessage()
                .contains("past the end"));
    }

    @Test
    void randomDamageNeverEscapesAsAnotherException() throws IOException {
        byte[] clean = capture("z-jdk25").array();
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = clean.clone();
            for (int i = 0; i < 4; i++) {
                damaged[32 + random.nextInt(damaged.length - 32)] = (byte) random.nextInt();
            }
            try {
                PerfData data = PerfData.parse(ByteBuffer.wrap(damaged));
                for (Entry entry : data.entries().values()) {
                    if (entry.isLong()) {
                        data.longValue(entry);
                    } else if (entry.isString()) {
                        data.stringValue(entry);
                    }
                }
            } catch (MalformedPerfDataException expected) {
                // the point: this and nothing else
            }
        }
    }
}
