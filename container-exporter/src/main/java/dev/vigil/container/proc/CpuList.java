package dev.vigil.container.proc;

import java.util.BitSet;

/** Parses the kernel's CPU list format ({@code 0-3,8,10-11}), e.g. {@code devices/system/cpu/online}. */
public final class CpuList {
    private CpuList() {
    }

    /**
     * The CPUs in the list.
     *
     * @throws IllegalArgumentException when a range is malformed or reversed
     */
    public static BitSet parse(String list) {
        BitSet cpus = new BitSet();
        String trimmed = list.strip();
        if (trimmed.isEmpty()) {
            return cpus;
        }
        for (String part : trimmed.split(",")) {
            String[] range = part.split("-", -1);
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
                if (range.length > 2 || from < 0 || to < from) {
                    throw new IllegalArgumentException("bad CPU range '" + part + "' in: " + trimmed);
                }
                cpus.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CPU range '" + part + "' in: " + trimmed, e);
            }
        }
        return cpus;
    }
}
