package dev.vigil.jvm.perfdata;

/**
 * One perf data item (HotSpot's {@code PerfDataEntry}), located but not read: its value lives in
 * the region and may change between reads.
 *
 * @param name e.g. {@code sun.gc.collector.0.invocations}
 * @param type HotSpot's type letter: {@code 'J'} a long, {@code 'B'} a byte vector (a string)
 * @param vectorLength 0 for a scalar, else the number of elements
 * @param supported HotSpot's {@code F_Supported} flag: the item is a supported interface, not internal
 * @param dataOffset where the value starts, from the start of the region
 * @param dataLength how many bytes the value spans
 */
public record Entry(String name, char type, int vectorLength, boolean supported, Units units,
        Variability variability, int dataOffset, int dataLength) {

    /** Whether the value is a single long (most counters). */
    public boolean isLong() {
        return type == 'J' && vectorLength == 0;
    }

    /** Whether the value is a NUL-padded byte string. */
    public boolean isString() {
        return type == 'B' && vectorLength > 0;
    }
}
