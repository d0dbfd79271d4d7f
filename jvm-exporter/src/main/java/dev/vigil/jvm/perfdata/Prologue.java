package dev.vigil.jvm.perfdata;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 32-byte header of a perf data region (HotSpot's {@code PerfDataPrologue}).
 *
 * @param order the byte order of every field after the magic
 * @param accessible whether the JVM has finished setting the region up (false while starting and after it began to exit)
 * @param used bytes of the region in use; entries end before it
 * @param overflow bytes the JVM wanted but could not fit (entries it dropped)
 * @param modTimeStamp ticks of the last structural change (an entry added); unchanged means the entry list is the same
 * @param entryOffset where the first entry starts
 * @param entryCount how many entries there are
 */
public record Prologue(ByteOrder order, int majorVersion, int minorVersion, boolean accessible, int used,
        int overflow, long modTimeStamp, int entryOffset, int entryCount) {

    /** The magic, always written big-endian: the bytes CA FE C0 C0. */
    public static final int MAGIC = 0xcafec0c0;
    public static final int SIZE = 32;
    /** The only entry layout HotSpot has written since JDK 1.4.2. */
    public static final int SUPPORTED_MAJOR_VERSION = 2;

    /** Reads the prologue at position 0 of {@code buffer}, whatever its position and order. */
    public static Prologue parse(ByteBuffer buffer) throws MalformedPerfDataException {
        int size = buffer.limit();
        if (size < SIZE) {
            throw new MalformedPerfDataException("truncated: " + size + " bytes, a prologue needs " + SIZE);
        }
        int magic = buffer.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (magic != MAGIC) {
            throw new MalformedPerfDataException("bad magic 0x" + Integer.toHexString(magic)
                    + ", expected 0x" + Integer.toHexString(MAGIC) + ": not a HotSpot perf data file");
        }
        ByteOrder order = switch (buffer.get(4)) {
            case 0 -> ByteOrder.BIG_ENDIAN;
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            default -> throw new MalformedPerfDataException("bad byte order " + buffer.get(4));
        };
        int major = buffer.get(5);
        int minor = buffer.get(6);
        if (major != SUPPORTED_MAJOR_VERSION) {
            throw new MalformedPerfDataException("perf data version " + major + "." + minor + " is not supported (only "
                    + SUPPORTED_MAJOR_VERSION + ".x)");
        }
        ByteBuffer b = buffer.duplicate().order(order);
        Prologue prologue = new Prologue(order, major, minor, b.get(7) != 0, b.getInt(8), b.getInt(12), b.getLong(16),
                b.getInt(24), b.getInt(28));
        if (prologue.used < SIZE || prologue.used > size) {
            throw new MalformedPerfDataException("used size " + prologue.used + " outside the " + size + "-byte region");
        }
        if (prologue.entryCount < 0 || prologue.entryOffset < SIZE || prologue.entryOffset > prologue.used) {
            throw new MalformedPerfDataException("entry table (offset " + prologue.entryOffset + ", "
                    + prologue.entryCount + " entries) outside the " + prologue.used + " used bytes");
        }
        return prologue;
    }
}
