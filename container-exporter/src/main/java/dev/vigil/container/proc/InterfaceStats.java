package dev.vigil.container.proc;

/**
 * One interface's line of {@code /proc/<pid>/net/dev}: all sixteen counters in file order. Values
 * are unsigned 64-bit counters kept in a {@code long}'s bits ({@link Long#toUnsignedString(long)}
 * to print one); in practice none reaches 2^63.
 */
public record InterfaceStats(
        String name,
        long rxBytes, long rxPackets, long rxErrors, long rxDropped,
        long rxFifo, long rxFrame, long rxCompressed, long rxMulticast,
        long txBytes, long txPackets, long txErrors, long txDropped,
        long txFifo, long txCollisions, long txCarrier, long txCompressed) {

    /** How many counters a line has after the interface name. */
    public static final int COUNTERS = 16;

    static InterfaceStats of(String name, long[] c) {
        return new InterfaceStats(name, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
                c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]);
    }
}
