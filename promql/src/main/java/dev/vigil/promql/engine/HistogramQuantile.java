package dev.vigil.promql.engine;

import dev.vigil.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code histogram_quantile(q, buckets)} over classic {@code le} buckets, Prometheus 2.42's
 * {@code bucketQuantile}: buckets sorted by bound, equal bounds merged, counts forced monotonic,
 * linear interpolation inside the bucket holding the rank; NaN without a {@code +Inf} bucket.
 */
final class HistogramQuantile implements Evaluator.StepCall, Evaluator.SeriesPrep {
    /** A bucket series' histogram (its labels without {@code le}) and its upper bound. */
    record Bucket(Labels signature, Labels output, double upperBound, boolean valid) {
    }

    @Override
    public Object prepare(Labels metric) {
        String le = metric.get("le");
        double bound;
        try {
            bound = GoFloatText.parse(le);
        } catch (NumberFormatException e) {
            return new Bucket(null, null, 0, false);
        }
        Labels.Builder sig = metric.toBuilder().remove("le");
        Labels signature = sig.build();
        Labels output = sig.remove(Labels.METRIC_NAME).build();
        return new Bucket(signature, output, bound, true);
    }

    private static final class Histogram {
        final Labels output;
        double[] bounds = new double[16];
        double[] counts = new double[16];
        int n;

        Histogram(Labels output) {
            this.output = output;
        }

        void add(double bound, double count) {
            if (n == bounds.length) {
                bounds = Arrays.copyOf(bounds, n * 2);
                counts = Arrays.copyOf(counts, n * 2);
            }
            bounds[n] = bound;
            counts[n] = count;
            n++;
        }
    }

    @Override
    public void call(StepVector[] args, Object[][] helpers, long ts, StepVector out) {
        double q = args[0].scalar();
        StepVector in = args[1];
        Map<Labels, Histogram> histograms = new LinkedHashMap<>();
        for (int i = 0; i < in.size; i++) {
            Bucket b = (Bucket) helpers[1][in.series[i]];
            if (!b.valid) {
                continue;
            }
            histograms.computeIfAbsent(b.signature, k -> new Histogram(b.output)).add(b.upperBound, in.v[i]);
        }
        for (Histogram h : histograms.values()) {
            out.add(h.output, bucketQuantile(q, h.bounds, h.counts, h.n));
        }
    }

    static double bucketQuantile(double q, double[] bounds, double[] counts, int n) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        List<double[]> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            buckets.add(new double[] {bounds[i], counts[i]});
        }
        buckets.sort((a, b) -> Double.compare(a[0], b[0]));
        if (buckets.get(n - 1)[0] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        // Merge equal bounds (the same bucket exported twice).
        List<double[]> merged = new ArrayList<>(n);
        double[] last = buckets.get(0).clone();
        for (int i = 1; i < n; i++) {
            double[] b = buckets.get(i);
            if (b[0] == last[0]) {
                last[1] += b[1];
            } else {
                merged.add(last);
                last = b.clone();
            }
        }
        merged.add(last);
        // Counts must not go down; where they do (scrape races), take the running maximum.
        double max = Double.NEGATIVE_INFINITY;
        for (double[] b : merged) {
            if (b[1] > max) {
                max = b[1];
            } else if (b[1] < max) {
                b[1] = max;
            }
        }
        int size = merged.size();
        if (size < 2) {
            return Double.NaN;
        }
        double observations = merged.get(size - 1)[1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        // First bucket (among all but the last) whose count reaches the rank.
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (merged.get(mid)[1] >= rank) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        b = lo;
        if (b == size - 1) {
            return merged.get(size - 2)[0];
        }
        if (b == 0 && merged.get(0)[0] <= 0) {
            return merged.get(0)[0];
        }
        double bucketStart = 0;
        double bucketEnd = merged.get(b)[0];
        double count = merged.get(b)[1];
        if (b > 0) {
            bucketStart = merged.get(b - 1)[0];
            count -= merged.get(b - 1)[1];
            rank -= merged.get(b - 1)[1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }
}
