package dev.vigil.jvm.perfdata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A perf data region with its entries indexed by name. Values are read from the buffer on every
 * call, so over a live mapping they are the JVM's current values; the index itself only changes
 * when {@link #parse} runs again, which a reader does when {@link #structureChanged()} says the JVM
 * added entries.
 *
 * <p>Every offset is checked against the region before use: a short, corrupt or hostile buffer
 * gives a {@link MalformedPerfDataException}, never an {@link IndexOutOfBoundsException}.
 */
public final class PerfData {
    /** The fixed part of an entry: length, name offset, vector length, four type bytes, data offset. */
    static final int ENTRY_HEADER_SIZE = 20;

    private final ByteBuffer buffer;
    private final Prologue prologue;
    private final Map<String, Entry> entries;

    private PerfData(ByteBuffer buffer, Prologue prologue, Map<String, Entry> entries) {
        this.buffer = buffer;
        this.prologue = prologue;
        this.entries = entries;
    }

    /** Indexes the region held by {@code buffer} (from index 0 to its limit); the buffer is kept, not copied. */
    public static PerfData parse(ByteBuffer buffer) throws MalformedPerfDataException {
        Prologue prologue = Prologue.parse(buffer);
        ByteBuffer b = buffer.duplicate().order(prologue.order());
        Map<String, Entry> entries = new LinkedHashMap<>(prologue.entryCount() * 2);
        int end = prologue.used();
        int start = prologue.entryOffset();
        for (int i = 0; i < prologue.entryCount(); i++) {
            Entry entry = entryAt(b, start, end, i);
            entries.putIfAbsent(entry.name(), entry);
            start += b.getInt(start);
        }
        return new PerfData(b, prologue, Collections.unmodifiableMap(entries));
    }

    private static Entry entryAt(ByteBuffer b, int start, int end, int index) throws MalformedPerfDataException {
        if (start > end - ENTRY_HEADER_SIZE) {
            throw new MalformedPerfDataException("entry " + index + " at offset " + start + " runs past the end ("
                    + end + " bytes used)");
        }
        int length = b.getInt(start);
        int nameOffset = b.getInt(start + 4);
        int vectorLength = b.getInt(start + 8);
        char type = (char) (b.get(start + 12) & 0xff);
        int flags = b.get(start + 13);
        int units = b.get(start + 14);
        int variability = b.get(start + 15);
        int dataOffset = b.getInt(start + 16);
        if (length < ENTRY_HEADER_SIZE || length > end - start) {
            throw new MalformedPerfDataException("entry " + index + " at offset " + start + " has length " + length
                    + ", past the end (" + end + " bytes used)");
        }
        if (nameOffset < ENTRY_HEADER_SIZE || nameOffset >= length || dataOffset < nameOffset || dataOffset > length
                || vectorLength < 0) {
            throw new MalformedPerfDataException("entry " + index + " at offset " + start + ": name offset "
                    + nameOffset + ", data offset " + dataOffset + ", vector length " + vectorLength
                    + " do not fit its " + length + " bytes");
        }
        long dataLength = (long) Math.max(vectorLength, 1) * elementSize(type);
        if (dataLength > length - dataOffset) {
            throw new MalformedPerfDataException("entry " + index + " at offset " + start + ": its " + dataLength
                    + "-byte value runs past the entry's " + length + " bytes");
        }
        String name = cString(b, start + nameOffset, start + dataOffset);
        if (name.isEmpty()) {
            throw new MalformedPerfDataException("entry " + index + " at offset " + start + " has no name");
        }
        return new Entry(name, type, vectorLength, (flags & 1) != 0, Units.of(units), Variability.of(variability),
                start + dataOffset, (int) dataLength);
    }

    /** Bytes per element of HotSpot's basic type letters; 0 for a letter we do not know (its value is then unread). */
    private static int elementSize(char type) {
        return switch (type) {
            case 'B', 'Z' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            case 'J', 'D' -> 8;
            default -> 0;
        };
    }

    /** Bytes from {@code from} up to the first NUL before {@code to}, as UTF-8. */
    private static String cString(ByteBuffer b, int from, int to) {
        int end = from;
        while (end < to && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - from];
        b.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The prologue as it was when the entries were indexed. */
    public Prologue prologue() {
        return prologue;
    }

    /** Whether the JVM has finished initializing its region and not yet begun to exit (read live). */
    public boolean accessible() {
        return buffer.get(7) != 0;
    }

    /**
     * Whether the JVM added entries since the index was built (count or modification stamp moved):
     * then {@link #parse} again to see them. Existing entries never move.
     */
    public boolean structureChanged() {
        return buffer.getInt(28) != prologue.entryCount() || buffer.getLong(16) != prologue.modTimeStamp();
    }

    /** Every entry by name, in the region's order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The entry of that name, or null. */
    public Entry entry(String name) {
        return entries.get(name);
    }

    /** The current value of a long entry. */
    public long longValue(Entry entry) {
        if (!entry.isLong()) {
            throw new IllegalArgumentException(entry.name() + " is not a long (type " + entry.type() + ")");
        }
        return buffer.getLong(entry.dataOffset());
    }

    /** The current value of a string entry, up to its first NUL. */
    public String stringValue(Entry entry) {
        if (!entry.isString()) {
            throw new IllegalArgumentException(entry.name() + " is not a string (type " + entry.type() + ")");
        }
        return cString(buffer, entry.dataOffset(), entry.dataOffset() + entry.dataLength());
    }

    /** The current value of the long named {@code name}, or {@code fallback} when there is none. */
    public long longValue(String name, long fallback) {
        Entry entry = entries.get(name);
        return entry != null && entry.isLong() ? buffer.getLong(entry.dataOffset()) : fallback;
    }

    /** The current value of the string named {@code name}, or null when there is none. */
    public String stringValue(String name) {
        Entry entry = entries.get(name);
        return entry != null && entry.isString() ? stringValue(entry) : null;
    }
}
