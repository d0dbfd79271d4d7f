package dev.vigil.promql.script;

import dev.vigil.model.Labels;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import dev.vigil.storage.index.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@link MemoryStorage} read over {@code [mint, maxt]}: like Prometheus' storage, a series with
 * no sample in that range is not there at all.
 */
final class MemoryQuerier implements Querier {
    private final List<Map.Entry<Labels, MemoryStorage.Samples>> series;
    private final long mint;
    private final long maxt;

    MemoryQuerier(Map<Labels, MemoryStorage.Samples> all, long mint, long maxt) {
        this.mint = mint;
        this.maxt = maxt;
        this.series = new ArrayList<>(all.entrySet());
        series.sort(Map.Entry.comparingByKey());
    }

    @Override
    public List<Series> select(List<Matcher> matchers) {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Labels, MemoryStorage.Samples> e : series) {
            if (!matches(e.getKey(), matchers)) {
                continue;
            }
            MemoryStorage.Samples s = e.getValue();
            int from = lowerBound(s, mint);
            int to = lowerBound(s, maxt == Long.MAX_VALUE ? maxt : maxt + 1);
            if (from < to) {
                out.add(new RangeSeries(e.getKey(), Arrays.copyOfRange(s.timestamps, from, to),
                        Arrays.copyOfRange(s.values, from, to)));
            }
        }
        return out;
    }

    @Override
    public List<String> labelNames(List<Matcher> matchers) {
        TreeSet<String> names = new TreeSet<>();
        for (Series s : select(matchers)) {
            names.addAll(s.labels().names());
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> labelValues(String name, List<Matcher> matchers) {
        TreeSet<String> values = new TreeSet<>();
        for (Series s : select(matchers)) {
            if (s.labels().has(name)) {
                values.add(s.labels().get(name));
            }
        }
        return List.copyOf(values);
    }

    @Override
    public void close() {
    }

    private static boolean matches(Labels labels, List<Matcher> matchers) {
        for (Matcher m : matchers) {
            if (!m.matches(labels.get(m.name()))) {
                return false;
            }
        }
        return true;
    }

    /** The first index with a timestamp at or after {@code t}. */
    private static int lowerBound(MemoryStorage.Samples s, long t) {
        int lo = 0;
        int hi = s.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.timestamps[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A series' samples within the querier's range (copied, so later loads do not show through). */
    private record RangeSeries(Labels labels, long[] timestamps, double[] values) implements Series {
        @Override
        public SampleIterator iterator() {
            return new SampleIterator() {
                private int i = -1;

                @Override
                public boolean next() {
                    if (i < timestamps.length) {
                        i++;
                    }
                    return i < timestamps.length;
                }

                @Override
                public boolean seek(long time) {
                    if (i < 0) {
                        i = 0;
                    }
                    while (i < timestamps.length && timestamps[i] < time) {
                        i++;
                    }
                    return i < timestamps.length;
                }

                @Override
                public long timestamp() {
                    return timestamps[i];
                }

                @Override
                public double value() {
                    return values[i];
                }
            };
        }
    }
}
