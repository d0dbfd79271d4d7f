package dev.vigil.hub.scrape;

import dev.vigil.model.exposition.ExpositionParser;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HELP, TYPE and UNIT of each metric family a target exposes, for {@code /api/v1/metadata}
 * and {@code /api/v1/targets/metadata}. It remembers each metadata line's raw bytes in order; a
 * scrape whose lines are the same bytes as the last one's costs a byte comparison per line and
 * allocates nothing. Only a changed line is decoded, and the map readers see is rebuilt once, at
 * the end of a scrape where something changed.
 */
public final class TargetMetadata {
    /** One family's metadata as Prometheus reports it: type {@code unknown} and empty texts by default. */
    public record Entry(String type, String help, String unit) {
        static final Entry UNKNOWN = new Entry("unknown", "", "");
    }

    private byte[][] lines = new byte[16][];
    private ExpositionParser.Entry[] kinds = new ExpositionParser.Entry[16];
    private String[] names = new String[16];
    private String[] values = new String[16];
    /** Lines kept from the last complete scrape. */
    private int count;
    /** Lines seen so far in this scrape. */
    private int seen;
    /** Whether a line changed since the map was last built (survives a failed scrape). */
    private boolean changed;
    private volatile Map<String, Entry> current = Map.of();

    /** Metric family name to its metadata, in exposition order. */
    public Map<String, Entry> current() {
        return current;
    }

    void begin() {
        seen = 0;
    }

    /** The parser stands on a HELP, TYPE or UNIT entry whose line ends before {@code end}. */
    void line(ExpositionParser parser, ExpositionParser.Entry kind, int end) {
        byte[] b = parser.buffer();
        int from = parser.seriesStart();
        int to = from;
        while (to < end && b[to] != '\n') {
            to++;
        }
        int i = seen++;
        if (i < count && Arrays.equals(lines[i], 0, lines[i].length, b, from, to)) {
            return;
        }
        if (i >= lines.length) {
            int n = lines.length * 2;
            lines = Arrays.copyOf(lines, n);
            kinds = Arrays.copyOf(kinds, n);
            names = Arrays.copyOf(names, n);
            values = Arrays.copyOf(values, n);
        }
        lines[i] = Arrays.copyOfRange(b, from, to);
        kinds[i] = kind;
        names[i] = parser.metricName();
        values[i] = kind == ExpositionParser.Entry.TYPE ? parser.type() : parser.text();
        if (i >= count) {
            count = i + 1; // compared against from now on, even if this scrape fails later
        }
        changed = true;
    }

    /** A scrape completed: publish the metadata if any line changed or lines went away. */
    void end() {
        if (!changed && seen == count) {
            return;
        }
        for (int i = seen; i < count; i++) {
            lines[i] = null;
            names[i] = null;
            values[i] = null;
        }
        count = seen;
        changed = false;
        Map<String, Entry> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Entry e = map.getOrDefault(names[i], Entry.UNKNOWN);
            e = switch (kinds[i]) {
                case TYPE -> new Entry(values[i], e.help(), e.unit());
                case HELP -> new Entry(e.type(), values[i], e.unit());
                default -> new Entry(e.type(), e.help(), values[i]);
            };
            map.put(names[i], e);
        }
        current = Collections.unmodifiableMap(map);
    }
}
