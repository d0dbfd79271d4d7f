package dev.vigil.exporter.syscall;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;

/**
 * The result of {@code statfs(2)} on one path, the call node_exporter makes: sizes are block counts
 * times {@code f_bsize}. Counts are unsigned 64-bit in the kernel; doubles keep them exact enough.
 */
public record Statfs(double blockSize, double blocks, double blocksFree, double blocksAvailable, double files,
        double filesFree) {

    private static final int STRUCT_SIZE = 120;
    private static final ThreadLocal<Memory> BUFFER = ThreadLocal.withInitial(() -> new Memory(STRUCT_SIZE));

    /**
     * Calls {@code statfs(path)}; may block for as long as the filesystem does (a dead NFS server).
     *
     * @throws IOException with the errno's text when the call fails
     */
    public static Statfs of(String path) throws IOException {
        if (!LibC.supported()) {
            throw new IOException("statfs is only available on 64-bit Linux");
        }
        Memory buf = BUFFER.get();
        buf.clear();
        try {
            LibC.statfs(path, buf);
        } catch (LastErrorException e) {
            throw new IOException("statfs " + path + ": " + Errno.describe(e.getErrorCode()), e);
        }
        double bsize = unsigned(buf.getLong(8));
        return new Statfs(bsize, unsigned(buf.getLong(16)), unsigned(buf.getLong(24)), unsigned(buf.getLong(32)),
                unsigned(buf.getLong(40)), unsigned(buf.getLong(48)));
    }

    public double sizeBytes() {
        return blocks * blockSize;
    }

    public double freeBytes() {
        return blocksFree * blockSize;
    }

    public double availableBytes() {
        return blocksAvailable * blockSize;
    }

    static double unsigned(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
    }
}
