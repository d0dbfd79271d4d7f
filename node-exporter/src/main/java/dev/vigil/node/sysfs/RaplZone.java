package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A RAPL power zone from {@code /sys/class/powercap/<zone>}: its name, index and path. Zones whose
 * name carries an index ({@code package-0}) keep it and lose the suffix; others ({@code core},
 * {@code dram}) are numbered by how often their name was seen before, in directory order, as
 * prometheus/procfs does.
 *
 * @param path the zone's directory, as exposed in the {@code path} label
 */
public record RaplZone(String name, long index, String path) {

    /** A zone directory's raw {@code name} contents, before indexing. */
    public record Named(String directory, String name, String path) {
    }

    /** Indexes zones given in directory order. */
    public static List<RaplZone> index(List<Named> zones) {
        Map<String, Long> usages = new HashMap<>();
        List<RaplZone> out = new ArrayList<>(zones.size());
        for (Named zone : zones) {
            String name = GoStrconv.trimSpace(zone.name());
            Long indexed = null;
            String[] parts = name.split("-", -1);
            if (parts.length == 2) {
                try {
                    indexed = GoStrconv.parseDecimal(parts[1]);
                } catch (NumberFormatException e) {
                    indexed = null;
                }
            }
            long index;
            if (indexed != null) {
                index = indexed;
                name = parts[0];
            } else {
                index = usages.getOrDefault(name, 0L);
            }
            out.add(new RaplZone(name, index, zone.path()));
            usages.put(name, index + 1);
        }
        return out;
    }
}
