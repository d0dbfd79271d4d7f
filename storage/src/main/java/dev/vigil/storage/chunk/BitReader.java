package dev.vigil.storage.chunk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads bits, most significant first, from a byte array range. Multi-bit reads take a 64-bit
 * big-endian window at once (queries decode millions of samples; a byte at a time cost four
 * times as much).
 */
final class BitReader {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] buf;
    private final long endBit;
    private long pos;

    BitReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = (long) offset << 3;
        this.endBit = (long) (offset + length) << 3;
    }

    boolean readBit() {
        check(1);
        boolean one = (buf[(int) (pos >>> 3)] & (0x80 >>> (pos & 7))) != 0;
        pos++;
        return one;
    }

    /** Reads {@code n} bits (0 <= n <= 64) as an unsigned value. */
    long readBits(int n) {
        if (n == 0) {
            return 0;
        }
        check(n);
        int index = (int) (pos >>> 3);
        int offset = (int) (pos & 7);
        long window = index + 8 <= buf.length ? (long) LONG_BE.get(buf, index) : tail(index);
        long value = (window << offset) >>> (64 - n);
        int extra = offset + n - 64;
        if (extra > 0) {
            value |= (buf[index + 8] & 0xff) >>> (8 - extra);
        }
        pos += n;
        return value;
    }

    /** The bytes from {@code index} to the array's end as the top of a long, zero-filled. */
    private long tail(int index) {
        long w = 0;
        for (int i = 0; i < 8; i++) {
            w <<= 8;
            if (index + i < buf.length) {
                w |= buf[index + i] & 0xff;
            }
        }
        return w;
    }

    int readByte() {
        return (int) readBits(8);
    }

    /** A Go varint (zig-zag signed). */
    long readVarint() {
        long u = readUvarint();
        return (u >>> 1) ^ -(u & 1);
    }

    /** A Go uvarint. */
    long readUvarint() {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw new IllegalStateException("chunk: varint overflows 64 bits");
    }

    private void check(int n) {
        if (pos + n > endBit) {
            throw new IllegalStateException("chunk: read past the end (corrupt or truncated chunk)");
        }
    }
}
