package dev.vigil.hub.scrape;

import dev.vigil.model.Labels;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A scrape loop's series, keyed by their raw text in the exposition (name and labels exactly as
 * written, as Prometheus' scrape cache does), so that a steady-state scrape finds each series by
 * hashing and comparing bytes, with no String, label set or relabeling per sample. Chained hash
 * table, sized to the target's series count; one loop uses it at a time.
 */
final class SeriesCache {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** One series of the target. */
    static final class Entry {
        final byte[] key;
        final int hash;
        /**
         * Stored labels, the storage's own instance once it has the series; null when
         * metric_relabel_configs drop the series.
         */
        Labels labels;
        /** The storage's reference for the series (0 until first appended). */
        long ref;
        /** The scrape that last saw it. */
        int lastSeen;
        /** The scrape that created it (its series are gone if that scrape fails). */
        final int created;
        /** Whether it gets a staleness marker when it disappears (false for explicit timestamps). */
        boolean trackStaleness;
        Entry next;

        Entry(byte[] key, int hash, Labels labels, int created) {
            this.key = key;
            this.hash = hash;
            this.labels = labels;
            this.created = created;
        }

        /** The series as exposed, for messages. */
        String text() {
            return new String(key, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Entry[] table = new Entry[64];
    private int size;

    int size() {
        return size;
    }

    /** The hash of {@code b[from, to)}: 8 bytes at a time, mixed. */
    static int hash(byte[] b, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (b[i] & 0xffL) << shift;
        }
        h = (h ^ tail) * 0x94D049BB133111EBL;
        h ^= h >>> 32;
        return (int) h;
    }

    Entry get(byte[] b, int from, int to, int hash) {
        for (Entry e = table[hash & (table.length - 1)]; e != null; e = e.next) {
            if (e.hash == hash && Arrays.equals(e.key, 0, e.key.length, b, from, to)) {
                return e;
            }
        }
        return null;
    }

    Entry add(byte[] b, int from, int to, int hash, Labels labels, int scrape) {
        if (size >= table.length * 3 / 4) {
            grow();
        }
        Entry e = new Entry(Arrays.copyOfRange(b, from, to), hash, labels, scrape);
        int slot = hash & (table.length - 1);
        e.next = table[slot];
        table[slot] = e;
        size++;
        return e;
    }

    private void grow() {
        Entry[] old = table;
        table = new Entry[old.length * 2];
        for (Entry head : old) {
            for (Entry e = head; e != null;) {
                Entry next = e.next;
                int slot = e.hash & (table.length - 1);
                e.next = table[slot];
                table[slot] = e;
                e = next;
            }
        }
    }

    /** Removes every entry {@code gone} accepts, after handing it to that predicate. */
    void removeIf(java.util.function.Predicate<Entry> gone) {
        for (int slot = 0; slot < table.length; slot++) {
            Entry prev = null;
            for (Entry e = table[slot]; e != null; e = e.next) {
                if (gone.test(e)) {
                    if (prev == null) {
                        table[slot] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    size--;
                } else {
                    prev = e;
                }
            }
        }
        if (size < table.length / 8 && table.length > 64) {
            shrink();
        }
    }

    private void shrink() {
        Entry[] old = table;
        int capacity = 64;
        while (capacity * 3 / 4 <= size * 2) {
            capacity *= 2;
        }
        table = new Entry[capacity];
        size = 0;
        for (Entry head : old) {
            for (Entry e = head; e != null;) {
                Entry next = e.next;
                int slot = e.hash & (table.length - 1);
                e.next = table[slot];
                table[slot] = e;
                size++;
                e = next;
            }
        }
    }

    void forEach(Consumer<Entry> action) {
        for (Entry head : table) {
            for (Entry e = head; e != null; e = e.next) {
                action.accept(e);
            }
        }
    }
}
