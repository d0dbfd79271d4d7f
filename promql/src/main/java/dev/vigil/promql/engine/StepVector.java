package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import java.util.Arrays;

/**
 * The samples of one argument at one step, in arrays reused across steps: labels, value, the
 * sample's own timestamp, and which input series it came from (to find per-series helpers).
 */
final class StepVector {
    Labels[] metric = new Labels[16];
    double[] v = new double[16];
    long[] t = new long[16];
    int[] series = new int[16];
    int size;

    void clear() {
        size = 0;
    }

    void add(Labels m, double value, long time, int seriesIndex) {
        if (size == v.length) {
            int grown = size * 2;
            metric = Arrays.copyOf(metric, grown);
            v = Arrays.copyOf(v, grown);
            t = Arrays.copyOf(t, grown);
            series = Arrays.copyOf(series, grown);
        }
        metric[size] = m;
        v[size] = value;
        t[size] = time;
        series[size] = seriesIndex;
        size++;
    }

    void add(Labels m, double value) {
        add(m, value, 0, -1);
    }

    /** The scalar an argument of scalar type holds at this step (NaN when absent). */
    double scalar() {
        return size == 0 ? Double.NaN : v[0];
    }
}
