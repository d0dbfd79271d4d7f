package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AggregationOp;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.model.MetricNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregation operators, Prometheus 2.42's {@code aggregation}: groups in order of first
 * appearance, running mean for {@code avg}, Welford for {@code stddev}/{@code stdvar}, Go's heap
 * for {@code topk}/{@code bottomk} (so ties come out as Prometheus orders them).
 */
final class Aggregation {
    private final Evaluator ev;
    private final AggregateExpr expr;
    private final String[] grouping;

    Aggregation(Evaluator ev, AggregateExpr expr) {
        this.ev = ev;
        this.expr = expr;
        this.grouping = expr.grouping().stream().sorted().distinct().toArray(String[]::new);
    }

    List<EvalSeries> eval() {
        AggregationOp op = expr.op();
        Expr param = expr.param() == null ? null : Calls.unwrap(expr.param());
        Evaluator.SeriesPrep prep = metric -> groupLabels(metric, grouping, expr.without());
        if (param instanceof StringLiteral s) {
            String label = s.value();
            return ev.rangeEval(prep, (args, helpers, ts, out) -> countValues(label, args[0], out), false, expr.expr());
        }
        return ev.rangeEval(prep, (args, helpers, ts, out) -> {
            double p = args[0] == null ? 0 : args[0].scalar();
            aggregate(op, p, args[1], helpers[1], out);
        }, false, expr.param(), expr.expr());
    }

    /** The labels of the group a series falls in (for {@code without}: its own minus those and the name). */
    static Labels groupLabels(Labels metric, String[] sortedGrouping, boolean without) {
        if (without) {
            Labels.Builder b = metric.toBuilder().remove(Labels.METRIC_NAME);
            for (String g : sortedGrouping) {
                b.remove(g);
            }
            return b.build();
        }
        if (sortedGrouping.length == 0) {
            return Labels.EMPTY;
        }
        List<String> pairs = new ArrayList<>(sortedGrouping.length * 2);
        for (String g : sortedGrouping) {
            String v = metric.get(g);
            if (!v.isEmpty()) {
                pairs.add(g);
                pairs.add(v);
            }
        }
        return Labels.fromSortedPairs(pairs.toArray(String[]::new));
    }

    /** One group's running state. */
    private static final class Group {
        final Labels labels;
        double value;
        double mean;
        long count;
        /** topk/bottomk heap, or quantile's values. */
        Labels[] heapMetric;
        double[] heapValue;
        int heapSize;

        Group(Labels labels) {
            this.labels = labels;
        }
    }

    private void aggregate(AggregationOp op, double param, StepVector in, Object[] helpers, StepVector out) {
        long k = 0;
        if (op == AggregationOp.TOPK || op == AggregationOp.BOTTOMK) {
            if (!convertibleToInt64(param)) {
                throw QueryException.execution("Scalar value " + GoFloatFormat.v(param) + " overflows int64");
            }
            k = (long) param;
            if (k < 1) {
                return;
            }
        }
        Map<Labels, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < in.size; i++) {
            Labels key = (Labels) helpers[in.series[i]];
            double v = in.v[i];
            Group g = groups.get(key);
            if (g == null) {
                g = new Group(key);
                g.value = v;
                g.mean = v;
                g.count = 1;
                switch (op) {
                    case STDVAR, STDDEV -> g.value = 0;
                    case TOPK, BOTTOMK, QUANTILE -> {
                        int cap = (int) Math.max(1, Math.min(k == 0 ? 1 : k, in.size));
                        if (op == AggregationOp.QUANTILE) {
                            cap = 4;
                        }
                        g.heapMetric = new Labels[cap];
                        g.heapValue = new double[cap];
                        g.heapMetric[0] = in.metric[i];
                        g.heapValue[0] = v;
                        g.heapSize = 1;
                    }
                    case GROUP -> g.value = 1;
                    default -> {
                    }
                }
                groups.put(key, g);
                continue;
            }
            switch (op) {
                case SUM -> g.value += v;
                case AVG -> {
                    g.count++;
                    if (Double.isInfinite(g.mean)) {
                        if (Double.isInfinite(v) && (g.mean > 0) == (v > 0)) {
                            break;
                        }
                        if (!Double.isInfinite(v) && !Double.isNaN(v)) {
                            break;
                        }
                    }
                    g.mean += v / g.count - g.mean / g.count;
                }
                case GROUP -> {
                }
                case MAX -> {
                    if (g.value < v || Double.isNaN(g.value)) {
                        g.value = v;
                    }
                }
                case MIN -> {
                    if (g.value > v || Double.isNaN(g.value)) {
                        g.value = v;
                    }
                }
                case COUNT -> g.count++;
                case STDVAR, STDDEV -> {
                    g.count++;
                    double delta = v - g.mean;
                    g.mean += delta / g.count;
                    g.value += delta * (v - g.mean);
                }
                case TOPK -> GoHeap.offer(g, in.metric[i], v, k, true);
                case BOTTOMK -> GoHeap.offer(g, in.metric[i], v, k, false);
                case QUANTILE -> {
                    if (g.heapSize == g.heapValue.length) {
                        g.heapValue = Arrays.copyOf(g.heapValue, g.heapSize * 2);
                        g.heapMetric = Arrays.copyOf(g.heapMetric, g.heapSize * 2);
                    }
                    g.heapValue[g.heapSize++] = v;
                }
                case COUNT_VALUES -> throw new IllegalStateException("count_values has its own path");
            }
        }
        for (Group g : groups.values()) {
            switch (op) {
                case AVG -> out.add(g.labels, g.mean);
                case COUNT -> out.add(g.labels, g.count);
                case STDVAR -> out.add(g.labels, g.value / g.count);
                case STDDEV -> out.add(g.labels, Math.sqrt(g.value / g.count));
                case TOPK, BOTTOMK -> GoHeap.drain(g.heapMetric, g.heapValue, g.heapSize, op == AggregationOp.TOPK, out);
                case QUANTILE -> out.add(g.labels, quantile(param, Arrays.copyOf(g.heapValue, g.heapSize)));
                default -> out.add(g.labels, g.value);
            }
        }
    }

    private void countValues(String label, StepVector in, StepVector out) {
        if (!MetricNames.isValidLabelName(label)) {
            throw QueryException.execution("invalid label name \"" + label + "\"");
        }
        String[] groupingWithLabel = grouping;
        if (!expr.without()) {
            groupingWithLabel = Arrays.copyOf(grouping, grouping.length + 1);
            groupingWithLabel[grouping.length] = label;
            Arrays.sort(groupingWithLabel);
        }
        Map<Labels, long[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < in.size; i++) {
            Labels metric = in.metric[i].toBuilder().set(label, GoFloatFormat.f(in.v[i])).build();
            Labels key = groupLabels(metric, groupingWithLabel, expr.without());
            counts.computeIfAbsent(key, x -> new long[1])[0]++;
        }
        for (Map.Entry<Labels, long[]> e : counts.entrySet()) {
            out.add(e.getKey(), e.getValue()[0]);
        }
    }

    private static boolean convertibleToInt64(double v) {
        return v <= 9.223372036854775807E18 && v >= -9.223372036854775808E18;
    }

    /** Prometheus' {@code quantile}: NaN sorts first; linear interpolation between ranks. */
    static double quantile(double q, double[] values) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = new double[n];
        int nans = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                sorted[nans++] = v;
            }
        }
        int j = nans;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sorted[j++] = v;
            }
        }
        Arrays.sort(sorted, nans, n);
        double rank = q * (n - 1);
        double lowerIndex = Math.max(0, Math.floor(rank));
        double upperIndex = Math.min(n - 1, lowerIndex + 1);
        double weight = rank - Math.floor(rank);
        return sorted[(int) lowerIndex] * (1 - weight) + sorted[(int) upperIndex] * weight;
    }

    /** Go's {@code container/heap} over a group's arrays, with Prometheus' value orderings. */
    static final class GoHeap {
        private GoHeap() {
        }

        /** topk keeps the lowest on top ({@code less} = smaller or NaN); bottomk the reverse. */
        private static boolean less(double[] v, int i, int j, boolean top) {
            if (Double.isNaN(v[i])) {
                return true;
            }
            return top ? v[i] < v[j] : v[i] > v[j];
        }

        private static void swap(Labels[] m, double[] v, int i, int j) {
            Labels tm = m[i];
            m[i] = m[j];
            m[j] = tm;
            double tv = v[i];
            v[i] = v[j];
            v[j] = tv;
        }

        private static void up(Labels[] m, double[] v, int j, boolean top) {
            while (true) {
                int i = (j - 1) / 2;
                if (i == j || !less(v, j, i, top)) {
                    break;
                }
                swap(m, v, i, j);
                j = i;
            }
        }

        private static void down(Labels[] m, double[] v, int i0, int n, boolean top) {
            int i = i0;
            while (true) {
                int j1 = 2 * i + 1;
                if (j1 >= n || j1 < 0) {
                    break;
                }
                int j = j1;
                int j2 = j1 + 1;
                if (j2 < n && less(v, j2, j1, top)) {
                    j = j2;
                }
                if (!less(v, j, i, top)) {
                    break;
                }
                swap(m, v, i, j);
                i = j;
            }
        }

        static void offer(Group g, Labels metric, double v, long k, boolean top) {
            double head = g.heapValue[0];
            boolean better = top ? head < v : head > v;
            if (g.heapSize < k || better || Double.isNaN(head)) {
                if (g.heapSize == k) {
                    if (k == 1) {
                        g.heapMetric[0] = metric;
                        g.heapValue[0] = v;
                        return;
                    }
                    // heap.Pop: move the top to the end, restore, drop it.
                    int n = g.heapSize - 1;
                    swap(g.heapMetric, g.heapValue, 0, n);
                    down(g.heapMetric, g.heapValue, 0, n, top);
                    g.heapSize = n;
                }
                if (g.heapSize == g.heapValue.length) {
                    g.heapValue = Arrays.copyOf(g.heapValue, g.heapSize * 2);
                    g.heapMetric = Arrays.copyOf(g.heapMetric, g.heapSize * 2);
                }
                g.heapMetric[g.heapSize] = metric;
                g.heapValue[g.heapSize] = v;
                g.heapSize++;
                up(g.heapMetric, g.heapValue, g.heapSize - 1, top);
            }
        }

        /** {@code sort.Sort(sort.Reverse(heap))}, then out in that order. */
        static void drain(Labels[] m, double[] v, int n, boolean top, StepVector out) {
            Labels[] ms = Arrays.copyOf(m, n);
            double[] vs = Arrays.copyOf(v, n);
            if (n > 1) {
                GoSort.sort(ms, vs, n, (a, b) -> {
                    // Reverse(h).Less(i, j) == h.Less(j, i)
                    if (Double.isNaN(b)) {
                        return true;
                    }
                    return top ? b < a : b > a;
                });
            }
            for (int i = 0; i < n; i++) {
                out.add(ms[i], vs[i]);
            }
        }
    }
}
