package dev.vigil.node.sysfs;

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

    /**
     * node_exporter's {@code SanitizeMetricName}: every run of characters outside {@code
     * [0-9A-Za-z_]}, with the underscores around it, becomes one {@code _}.
     */
    public static String sanitizeMetricName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int n = name.length();
        int i = 0;
        while (i < n) {
            if (!isNameChar(name.charAt(i))) {
                // swallow the underscores already written before this run
                int end = out.length();
                while (end > 0 && out.charAt(end - 1) == '_') {
                    end--;
                }
                out.setLength(end);
                while (i < n && !isNameChar(name.charAt(i))) {
                    i++;
                }
                while (i < n && name.charAt(i) == '_') {
                    i++;
                }
                out.append('_');
                continue;
            }
            out.append(name.charAt(i));
            i++;
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }
}
