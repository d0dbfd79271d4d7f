package dev.vigil.jvm.collector;

import java.util.Map;

/**
 * The MXBeans' names for HotSpot's perf data collectors and spaces, so host mode reports the
 * {@code gc} and {@code pool} label values an in-process client_java would. Perf data names the
 * collectors by what they count ("G1 young collection pauses"; older JDKs "G1 incremental
 * collections") and the spaces by generation ("eden", "s0", "old", "space"). A name we do not know
 * is kept as perf data gives it.
 */
final class HotSpotNames {
    /** The collector families, told apart by their perf data names. */
    enum Family { SERIAL, PARALLEL, G1, ZGC_GENERATIONAL, ZGC, SHENANDOAH, OTHER }

    private static final Map<String, String> COLLECTORS = Map.ofEntries(
            Map.entry("Serial young collection pauses", "Copy"),
            Map.entry("Copy", "Copy"),
            Map.entry("Serial full collection pauses", "MarkSweepCompact"),
            Map.entry("MSC", "MarkSweepCompact"),
            Map.entry("Parallel young collection pauses", "PS Scavenge"),
            Map.entry("PSScavenge", "PS Scavenge"),
            Map.entry("Parallel full collection pauses", "PS MarkSweep"),
            Map.entry("PSParallelCompact", "PS MarkSweep"),
            Map.entry("G1 young collection pauses", "G1 Young Generation"),
            Map.entry("G1 incremental collections", "G1 Young Generation"),
            Map.entry("G1 full collection pauses", "G1 Old Generation"),
            Map.entry("G1 stop-the-world full collections", "G1 Old Generation"),
            Map.entry("G1 concurrent cycle pauses", "G1 Concurrent GC"),
            Map.entry("G1 stop-the-world phases", "G1 Concurrent GC"),
            Map.entry("ZGC minor collection pauses", "ZGC Minor Pauses"),
            Map.entry("ZGC major collection pauses", "ZGC Major Pauses"),
            Map.entry("Z concurrent cycle pauses", "ZGC Pauses"));

    private HotSpotNames() {
    }

    /** The MXBean name of a perf data collector. */
    static String collector(String perfName) {
        return COLLECTORS.getOrDefault(perfName, perfName);
    }

    /** The family, from {@code sun.gc.policy.name} and the first collector's name. */
    static Family family(String policy, String firstCollector) {
        if (policy != null) {
            switch (policy) {
                case "Copy:MSC" -> {
                    return Family.SERIAL;
                }
                case "ParScav:MSC" -> {
                    return Family.PARALLEL;
                }
                case "GarbageFirst" -> {
                    return Family.G1;
                }
                default -> {
                }
            }
        }
        String first = firstCollector == null ? "" : firstCollector;
        if (first.startsWith("ZGC ")) {
            return Family.ZGC_GENERATIONAL;
        }
        if (first.startsWith("Z ")) {
            return Family.ZGC;
        }
        if (first.startsWith("Shenandoah")) {
            return Family.SHENANDOAH;
        }
        return Family.OTHER;
    }

    /**
     * The MXBean pool name of perf data space {@code space} in generation {@code generation}
     * (named {@code generationName}); survivors s0 and s1 both map to the one survivor pool.
     */
    static String pool(Family family, int generation, String generationName, String space) {
        boolean survivor = space.equals("s0") || space.equals("s1");
        return switch (family) {
            case SERIAL -> generation == 0 ? (survivor ? "Survivor Space" : "Eden Space") : "Tenured Gen";
            case PARALLEL -> generation == 0 ? (survivor ? "PS Survivor Space" : "PS Eden Space") : "PS Old Gen";
            case G1 -> generation == 0 ? (survivor ? "G1 Survivor Space" : "G1 Eden Space") : "G1 Old Gen";
            case ZGC_GENERATIONAL -> generation == 0 ? "ZGC Young Generation" : "ZGC Old Generation";
            case ZGC -> "ZHeap";
            case SHENANDOAH -> "Shenandoah";
            case OTHER -> generationName + " " + space;
        };
    }

    /**
     * Whether each generation may grow to the whole heap (region-based collectors), so the heap's
     * maximum is the largest generation maximum rather than their sum.
     */
    static boolean generationsShareTheHeap(Family family) {
        return family == Family.G1 || family == Family.ZGC_GENERATIONAL || family == Family.ZGC
                || family == Family.SHENANDOAH;
    }
}
