package dev.vigil.hub.scrape;

import dev.vigil.model.Labels;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * A scrape loop's series, keyed by their raw text in the exposition (name and labels exactly as
 * written, as Prometheus' scrape cache does), so that a steady-state scrape finds each series by
 * hashing bytes, with no String, label set or relabeling per sample. The key kept is the text's
 * length and a 128-bit hash (two independent 64-bit lanes), not the text: comparing the text meant
 * one more cache miss per sample (a fifth of the scrape's CPU) and 120 bytes per series, and two
 * texts of one target colliding in 128 bits (about 1000^2 / 2^129 for a target of 1,000 series)
 * does not happen in practice. Chained hash table sized to the target's series count; one loop
 * uses it at a time.
 */
final class SeriesCache {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** One series of the target. */
    static final class Entry {
        final long hash1;
        final long hash2;
        final int length;
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

        Entry(Key key, Labels labels, int created) {
            this.hash1 = key.hash1;
            this.hash2 = key.hash2;
            this.length = key.length;
            this.labels = labels;
            this.created = created;
        }

        int slot(int mask) {
            return (int) hash1 & mask;
        }
    }

    /** The hashed text of a series: a loop reuses one instance for every lookup. */
    static final class Key {
        long hash1;
        long hash2;
        int length;

        /** Hashes {@code b[from, to)} 8 bytes at a time in two lanes with different mixing. */
        Key set(byte[] b, int from, int to) {
            long h1 = 0x9E3779B97F4A7C15L ^ (to - from);
            long h2 = 0xC2B2AE3D27D4EB4FL + (to - from);
            int i = from;
            for (; i + 8 <= to; i += 8) {
                long v = (long) LONGS.get(b, i);
                h1 = Long.rotateLeft((h1 ^ v) * 0xBF58476D1CE4E5B9L, 31);
                h2 = Long.rotateLeft((h2 + v) * 0x94D049BB133111EBL, 27) ^ (h2 >>> 29);
            }
            long tail = 0;
            for (int shift = 0; i < to; i++, shift += 8) {
                tail |= (b[i] & 0xffL) << shift;
            }
            hash1 = mix(h1 ^ tail);
            hash2 = mix(h2 + tail * 0x9E3779B97F4A7C15L);
            length = to - from;
            return this;
        }

        private static long mix(long h) {
            h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
            h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
            return h ^ (h >>> 33);
        }
    }

    private Entry[] table = new Entry[64];
    private int size;

    int size() {
        return size;
    }

    Entry get(Key key) {
        for (Entry e = table[(int) key.hash1 & (table.length - 1)]; e != null; e = e.next) {
            if (e.hash1 == key.hash1 && e.hash2 == key.hash2 && e.length == key.length) {
                return e;
            }
        }
        return null;
    }

    Entry add(Key key, Labels labels, int scrape) {
        if (size >= table.length * 3 / 4) {
            grow();
        }
        Entry e = new Entry(key, labels, scrape);
        int slot = e.slot(table.length - 1);
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
                int slot = e.slot(table.length - 1);
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
                int slot = e.slot(table.length - 1);
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
