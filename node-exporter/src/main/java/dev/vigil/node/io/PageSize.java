package dev.vigil.node.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory page size of the host this process runs on, as Go's {@code os.Getpagesize()} gives
 * it: the {@code AT_PAGESZ} entry of this process's auxiliary vector ({@code /proc/self/auxv},
 * the live one, not under {@code --path.procfs}), read once.
 */
public final class PageSize {
    private static final long AT_NULL = 0;
    private static final long AT_PAGESZ = 6;
    private static final int DEFAULT = 4096;
    private static final int BYTES = fromAuxv(Path.of("/proc/self/auxv"));

    private PageSize() {
    }

    /** The page size in bytes; 4096 if the auxiliary vector cannot be read. */
    public static int bytes() {
        return BYTES;
    }

    static int fromAuxv(Path auxv) {
        byte[] data;
        try {
            data = Files.readAllBytes(auxv);
        } catch (IOException | SecurityException e) {
            return DEFAULT;
        }
        return parseAuxv(data, "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8, ByteOrder.nativeOrder());
    }

    /** The {@code AT_PAGESZ} value in an auxiliary vector of {@code wordSize}-byte key/value pairs. */
    static int parseAuxv(byte[] data, int wordSize, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.wrap(data).order(order);
        while (buffer.remaining() >= 2 * wordSize) {
            long key = wordSize == 8 ? buffer.getLong() : Integer.toUnsignedLong(buffer.getInt());
            long value = wordSize == 8 ? buffer.getLong() : Integer.toUnsignedLong(buffer.getInt());
            if (key == AT_NULL) {
                break;
            }
            if (key == AT_PAGESZ && value > 0 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        return DEFAULT;
    }
}
