package dev.vigil.jvm.perfdata;

/** An entry's unit of measure, HotSpot's {@code PerfData::Units} (1 to 6). */
public enum Units {
    UNKNOWN, NONE, BYTES, TICKS, EVENTS, STRING, HERTZ;

    static Units of(int code) {
        Units[] all = values();
        return code >= 1 && code < all.length ? all[code] : UNKNOWN;
    }
}
