package dev.vigil.promql.engine;

import dev.vigil.model.Labels;

/**
 * Sorting that puts equal values in the order Go's {@code sort.Sort} does, so results with ties
 * come out as Prometheus returns them: insertion sort up to 12 elements (what Go's pdqsort does
 * for short inputs), a stable merge sort beyond.
 */
final class GoSort {
    /** A "less" over positions of a sample array. */
    @FunctionalInterface
    interface Less {
        boolean less(double a, double b);
    }

    private GoSort() {
    }

    /** {@code sort()} (ascending) and {@code sort_desc()}: NaN last either way. */
    static void sortByValue(StepVector in, StepVector out, boolean ascending) {
        for (int i = 0; i < in.size; i++) {
            out.add(in.metric[i], in.v[i], in.t[i], in.series[i]);
        }
        Less less = ascending ? (a, b) -> Double.isNaN(b) || a < b : (a, b) -> Double.isNaN(b) || a > b;
        sort(out.metric, out.v, out.size, less);
    }

    /** Sorts the first {@code n} (metric, value) pairs by value with {@code less}. */
    static void sort(Labels[] metric, double[] v, int n, Less less) {
        if (n <= 12) {
            for (int i = 1; i < n; i++) {
                for (int j = i; j > 0 && less.less(v[j], v[j - 1]); j--) {
                    swap(metric, v, j, j - 1);
                }
            }
            return;
        }
        Labels[] tmpM = new Labels[n];
        double[] tmpV = new double[n];
        mergeSort(metric, v, tmpM, tmpV, 0, n, less);
    }

    private static void mergeSort(Labels[] m, double[] v, Labels[] tm, double[] tv, int from, int to, Less less) {
        if (to - from <= 12) {
            for (int i = from + 1; i < to; i++) {
                for (int j = i; j > from && less.less(v[j], v[j - 1]); j--) {
                    swap(m, v, j, j - 1);
                }
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(m, v, tm, tv, from, mid, less);
        mergeSort(m, v, tm, tv, mid, to, less);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (less.less(v[j], v[i])) {
                tm[k] = m[j];
                tv[k++] = v[j++];
            } else {
                tm[k] = m[i];
                tv[k++] = v[i++];
            }
        }
        while (i < mid) {
            tm[k] = m[i];
            tv[k++] = v[i++];
        }
        while (j < to) {
            tm[k] = m[j];
            tv[k++] = v[j++];
        }
        System.arraycopy(tm, from, m, from, to - from);
        System.arraycopy(tv, from, v, from, to - from);
    }

    private static void swap(Labels[] m, double[] v, int i, int j) {
        Labels tm = m[i];
        m[i] = m[j];
        m[j] = tm;
        double tv = v[i];
        v[i] = v[j];
        v[j] = tv;
    }
}
