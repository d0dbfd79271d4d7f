package dev.vigil.exporter.syscall;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;

/**
 * The kernel's clock discipline state from {@code adjtimex(2)} in read-only mode ({@code modes} 0):
 * the call's return value (the clock state, 5 is {@code TIME_ERROR}) and the {@code struct timex}
 * fields, in the kernel's units.
 */
public record Timex(int state, long offset, long freq, long maxerror, long esterror, int status, long constant,
        long tick, long ppsfreq, long jitter, int shift, long stabil, long jitcnt, long calcnt, long errcnt,
        long stbcnt, int tai) {

    /** TIME_ERROR: the clock is not synchronised. */
    public static final int TIME_ERROR = 5;
    /** STA_NANO in {@code status}: offsets are in nanoseconds rather than microseconds. */
    public static final int STA_NANO = 0x2000;

    private static final int STRUCT_SIZE = 256; // 208 on 64-bit Linux, with room to spare

    /**
     * Reads the clock state.
     *
     * @throws SecurityException when the call is not permitted (a seccomp filter)
     * @throws IOException for any other failure
     */
    public static Timex read() throws IOException {
        if (!LibC.supported()) {
            throw new IOException("adjtimex is only available on 64-bit Linux");
        }
        Memory buf = new Memory(STRUCT_SIZE);
        buf.clear();
        int state;
        try {
            state = LibC.adjtimex(buf);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == 1) {
                throw new SecurityException("adjtimex: operation not permitted", e);
            }
            throw new IOException("adjtimex: " + Errno.describe(e.getErrorCode()), e);
        }
        return new Timex(state, buf.getLong(8), buf.getLong(16), buf.getLong(24), buf.getLong(32), buf.getInt(40),
                buf.getLong(48), buf.getLong(88), buf.getLong(96), buf.getLong(104), buf.getInt(112),
                buf.getLong(120), buf.getLong(128), buf.getLong(136), buf.getLong(144), buf.getLong(152),
                buf.getInt(160));
    }
}
