package dev.vigil.node.procfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.List;

/**
 * A sysctl named by {@code --collector.sysctl.include} or {@code include-info}: {@code vm.swappiness},
 * or with names for its fields {@code net.ipv4.ip_local_port_range:low,high}. Its file is {@code
 * /proc/sys/<name with dots as slashes>}; its values are the white-space separated fields of that file.
 *
 * @param keys names for the fields, or empty to index them
 * @param numeric whether the values are integers (include) or text (include-info)
 */
public record Sysctl(String name, List<String> keys, boolean numeric) {

    /** Parses a flag value: the name, then optionally {@code :} and comma-separated field names. */
    public static Sysctl parse(String include, boolean numeric) {
        int colon = include.indexOf(':');
        if (colon < 0) {
            return new Sysctl(include, List.of(), numeric);
        }
        return new Sysctl(include.substring(0, colon), List.of(include.substring(colon + 1).split(",", -1)), numeric);
    }

    /** The file under {@code /proc/sys}. */
    public String path() {
        return name.replace('.', '/');
    }

    /** The fields of the file's contents. */
    public static List<String> values(String text) {
        return GoStrconv.fields(GoStrconv.trimSpace(text));
    }

    /**
     * The fields as integers in Go's base-0 syntax.
     *
     * @throws NumberFormatException naming the first field that is not one
     */
    public long[] ints(List<String> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            int field = i;
            out[i] = GoStrconv.parseInt(values.get(i)).orElseThrow(() -> new NumberFormatException(
                    "field " + field + " in sysctl " + name + " is not a valid int: " + values.get(field)));
        }
        return out;
    }
}
