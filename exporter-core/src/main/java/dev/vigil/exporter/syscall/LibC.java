package dev.vigil.exporter.syscall;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few libc calls the JDK lacks, bound by JNA direct mapping (no proxy per call). Layouts read by
 * {@link Statfs} and {@link Timex} are those of 64-bit Linux (x86_64, aarch64, ppc64le, s390x).
 */
final class LibC {
    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    static native int statfs(String path, Pointer buf) throws LastErrorException;

    static native int adjtimex(Pointer buf) throws LastErrorException;

    static native int uname(Pointer buf) throws LastErrorException;

    /** Whether the struct layouts here apply: Linux with 64-bit longs. */
    static boolean supported() {
        return Platform.isLinux() && Native.LONG_SIZE == 8;
    }
}
