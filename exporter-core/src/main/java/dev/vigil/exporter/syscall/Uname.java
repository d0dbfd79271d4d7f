package dev.vigil.exporter.syscall;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;

/** The machine field of {@code uname(2)}: the one uname field procfs may not have. */
public final class Uname {
    private static final int FIELD = 65; // _UTSNAME_LENGTH on Linux

    private Uname() {
    }

    /** {@code utsname.machine}, e.g. {@code x86_64}. */
    public static String machine() throws IOException {
        if (!LibC.supported()) {
            throw new IOException("uname is only available on 64-bit Linux");
        }
        Memory buf = new Memory(FIELD * 6);
        buf.clear();
        try {
            LibC.uname(buf);
        } catch (LastErrorException e) {
            throw new IOException("uname: " + Errno.describe(e.getErrorCode()), e);
        }
        return buf.getString(FIELD * 4L, "US-ASCII");
    }
}
