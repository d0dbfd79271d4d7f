package dev.vigil.node.sysfs;

import dev.vigil.node.procfs.TextCursor;
import java.util.ArrayList;
import java.util.List;

/**
 * A NUMA node's memory files under {@code /sys/devices/system/node/nodeN}: {@code meminfo}
 * ({@code Node 0 MemTotal: 5597388 kB}, kB values become bytes) and {@code numastat}
 * ({@code numa_hit 40809969}), named as node_exporter names them: {@code Active(anon)} becomes
 * {@code Active_anon}, numastat counters get a {@code _total} suffix.
 */
public final class NumaMeminfo {
    private NumaMeminfo() {
    }

    /**
     * One value.
     *
     * @param node the node number as the file states it
     * @param counter whether the value is a counter (numastat) rather than a gauge (meminfo)
     */
    public record Field(String name, String node, double value, boolean counter) {
    }

    /**
     * The node's {@code meminfo} lines; blank lines are skipped.
     *
     * @throws IllegalArgumentException for a line that is not {@code Node N Key: value [kB]}
     */
    public static List<Field> parseMeminfo(String text) {
        List<Field> fields = new ArrayList<>(64);
        TextCursor in = new TextCursor(text);
        while (in.nextLine()) {
            int count = in.remainingFields();
            if (count == 0) {
                continue;
            }
            if (count < 4) {
                throw new IllegalArgumentException("invalid line in meminfo: " + in.line().strip());
            }
            in.skipField();
            String node = in.field();
            String key = in.field();
            double value;
            try {
                value = in.doubleField();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid value in meminfo: " + in.line().strip(), e);
            }
            if (count == 5 && in.fieldIs("kB")) {
                value *= 1024;
            } else if (count != 4) {
                throw new IllegalArgumentException("invalid line in meminfo: " + in.line().strip());
            }
            fields.add(new Field(normalize(trimColons(key)), node, value, false));
        }
        return fields;
    }

    /**
     * The node's {@code numastat} lines; blank lines are skipped.
     *
     * @param node the node number, from the directory name
     * @throws IllegalArgumentException for a line that is not {@code key value}
     */
    public static List<Field> parseNumastat(String text, String node) {
        List<Field> fields = new ArrayList<>(8);
        TextCursor in = new TextCursor(text);
        while (in.nextLine()) {
            int count = in.remainingFields();
            if (count == 0) {
                continue;
            }
            if (count != 2) {
                throw new IllegalArgumentException("line scan did not return 2 fields: " + in.line().strip());
            }
            String key = in.field();
            try {
                fields.add(new Field(key + "_total", node, in.doubleField(), true));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid value in numastat: " + in.line().strip(), e);
            }
        }
        return fields;
    }

    private static String trimColons(String key) {
        int end = key.length();
        while (end > 0 && key.charAt(end - 1) == ':') {
            end--;
        }
        return key.substring(0, end);
    }

    /** {@code Active(anon)} to {@code Active_anon}: the greedy {@code \((.*)\)} replaced by {@code _$1}. */
    static String normalize(String key) {
        int open = key.indexOf('(');
        int close = key.lastIndexOf(')');
        if (open < 0 || close < open) {
            return key;
        }
        return key.substring(0, open) + "_" + key.substring(open + 1, close) + key.substring(close + 1);
    }
}
