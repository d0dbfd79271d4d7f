package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import dev.vigil.promql.value.Series;
import java.util.Arrays;

/** A series being built during evaluation: labels and growable point arrays. */
final class EvalSeries {
    Labels metric;
    long[] t;
    double[] v;
    int n;

    EvalSeries(Labels metric, int capacity) {
        this.metric = metric;
        this.t = new long[Math.max(1, capacity)];
        this.v = new double[Math.max(1, capacity)];
    }

    EvalSeries(Labels metric, long[] t, double[] v, int n) {
        this.metric = metric;
        this.t = t;
        this.v = v;
        this.n = n;
    }

    void add(long time, double value) {
        if (n == t.length) {
            int grown = Math.max(4, n * 2);
            t = Arrays.copyOf(t, grown);
            v = Arrays.copyOf(v, grown);
        }
        t[n] = time;
        v[n] = value;
        n++;
    }

    Series toSeries() {
        return new Series(metric, n == t.length ? t : Arrays.copyOf(t, n), n == v.length ? v : Arrays.copyOf(v, n));
    }
}
