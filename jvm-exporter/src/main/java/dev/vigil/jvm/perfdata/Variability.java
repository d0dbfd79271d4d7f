package dev.vigil.jvm.perfdata;

/** Whether an entry changes, HotSpot's {@code PerfData::Variability} (1 to 3). */
public enum Variability {
    UNKNOWN, CONSTANT, MONOTONIC, VARIABLE;

    static Variability of(int code) {
        Variability[] all = values();
        return code >= 1 && code < all.length ? all[code] : UNKNOWN;
    }
}
