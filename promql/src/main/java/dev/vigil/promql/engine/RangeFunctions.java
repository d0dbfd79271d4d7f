package dev.vigil.promql.engine;

import java.util.Arrays;

/**
 * Functions over a range vector, one series and one step at a time, as Prometheus 2.42 computes
 * them: extrapolated {@code rate}/{@code increase}/{@code delta}, {@code irate}/{@code idelta},
 * regressions, Holt-Winters, counts of changes and resets, and the {@code *_over_time} family
 * (Kahan-compensated sums where Prometheus compensates).
 */
final class RangeFunctions {
    /** Computes one result into {@link Window#result}; false when the window yields no sample. */
    @FunctionalInterface
    interface RangeFunction {
        boolean apply(Window w, double[] scalars);
    }

    private RangeFunctions() {
    }

    static RangeFunction of(String name) {
        return switch (name) {
            case "rate" -> (w, s) -> extrapolatedRate(w, true, true);
            case "increase" -> (w, s) -> extrapolatedRate(w, true, false);
            case "delta" -> (w, s) -> extrapolatedRate(w, false, false);
            case "irate" -> (w, s) -> instantValue(w, true);
            case "idelta" -> (w, s) -> instantValue(w, false);
            case "deriv" -> (w, s) -> {
                if (w.size() < 2) {
                    return false;
                }
                w.result = linearRegression(w, w.t[w.from])[0];
                return true;
            };
            case "predict_linear" -> (w, s) -> {
                if (w.size() < 2) {
                    return false;
                }
                double[] r = linearRegression(w, w.ts);
                w.result = r[0] * s[1] + r[1];
                return true;
            };
            case "holt_winters" -> RangeFunctions::holtWinters;
            case "changes" -> (w, s) -> {
                int changes = 0;
                double prev = w.v[w.from];
                for (int i = w.from + 1; i < w.to; i++) {
                    double cur = w.v[i];
                    if (cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev))) {
                        changes++;
                    }
                    prev = cur;
                }
                w.result = changes;
                return true;
            };
            case "resets" -> (w, s) -> {
                int resets = 0;
                double prev = w.v[w.from];
                for (int i = w.from + 1; i < w.to; i++) {
                    double cur = w.v[i];
                    if (cur < prev) {
                        resets++;
                    }
                    prev = cur;
                }
                w.result = resets;
                return true;
            };
            case "avg_over_time" -> RangeFunctions::avgOverTime;
            case "count_over_time" -> (w, s) -> {
                w.result = w.size();
                return true;
            };
            case "last_over_time" -> (w, s) -> {
                w.result = w.v[w.to - 1];
                return true;
            };
            case "present_over_time", "absent_over_time" -> (w, s) -> {
                w.result = 1;
                return true;
            };
            case "max_over_time" -> (w, s) -> {
                double max = w.v[w.from];
                for (int i = w.from; i < w.to; i++) {
                    if (w.v[i] > max || Double.isNaN(max)) {
                        max = w.v[i];
                    }
                }
                w.result = max;
                return true;
            };
            case "min_over_time" -> (w, s) -> {
                double min = w.v[w.from];
                for (int i = w.from; i < w.to; i++) {
                    if (w.v[i] < min || Double.isNaN(min)) {
                        min = w.v[i];
                    }
                }
                w.result = min;
                return true;
            };
            case "sum_over_time" -> (w, s) -> {
                double sum = 0;
                double c = 0;
                for (int i = w.from; i < w.to; i++) {
                    double inc = w.v[i];
                    double t = sum + inc;
                    c += Math.abs(sum) >= Math.abs(inc) ? (sum - t) + inc : (inc - t) + sum;
                    sum = t;
                }
                w.result = Double.isInfinite(sum) ? sum : sum + c;
                return true;
            };
            case "stddev_over_time" -> (w, s) -> {
                w.result = Math.sqrt(variance(w));
                return true;
            };
            case "stdvar_over_time" -> (w, s) -> {
                w.result = variance(w);
                return true;
            };
            case "quantile_over_time" -> (w, s) -> {
                w.result = Aggregation.quantile(s[0], Arrays.copyOfRange(w.v, w.from, w.to));
                return true;
            };
            default -> null;
        };
    }

    private static boolean extrapolatedRate(Window w, boolean isCounter, boolean isRate) {
        if (w.size() < 2) {
            return false;
        }
        long rangeStart = w.ts - (w.range + w.offset);
        long rangeEnd = w.ts - w.offset;
        int first = w.from;
        int last = w.to - 1;
        double result = w.v[last] - w.v[first];
        if (isCounter) {
            double prev = w.v[first];
            for (int i = first + 1; i <= last; i++) {
                double cur = w.v[i];
                if (cur < prev) {
                    result += prev;
                }
                prev = cur;
            }
        }
        double durationToStart = (w.t[first] - rangeStart) / 1000.0;
        double durationToEnd = (rangeEnd - w.t[last]) / 1000.0;
        double sampledInterval = (w.t[last] - w.t[first]) / 1000.0;
        double averageDurationBetweenSamples = sampledInterval / (w.size() - 1);
        if (isCounter && result > 0 && w.v[first] >= 0) {
            // A counter starts at zero: do not extrapolate back past the point where it was zero.
            double durationToZero = sampledInterval * (w.v[first] / result);
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        double threshold = averageDurationBetweenSamples * 1.1;
        double extrapolateTo = sampledInterval;
        extrapolateTo += durationToStart < threshold ? durationToStart : averageDurationBetweenSamples / 2;
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageDurationBetweenSamples / 2;
        double factor = extrapolateTo / sampledInterval;
        if (isRate) {
            factor /= w.range / 1000.0;
        }
        w.result = result * factor;
        return true;
    }

    private static boolean instantValue(Window w, boolean isRate) {
        if (w.size() < 2) {
            return false;
        }
        int last = w.to - 1;
        int prev = last - 1;
        double result = isRate && w.v[last] < w.v[prev] ? w.v[last] : w.v[last] - w.v[prev];
        long sampledInterval = w.t[last] - w.t[prev];
        if (sampledInterval == 0) {
            return false;
        }
        if (isRate) {
            result /= sampledInterval / 1000.0;
        }
        w.result = result;
        return true;
    }

    /** Least squares over the window with x in seconds from {@code interceptTime}: slope, intercept. */
    static double[] linearRegression(Window w, long interceptTime) {
        double n = 0;
        double sumX = 0;
        double cX = 0;
        double sumY = 0;
        double cY = 0;
        double sumXY = 0;
        double cXY = 0;
        double sumX2 = 0;
        double cX2 = 0;
        double initY = w.v[w.from];
        boolean constY = true;
        for (int i = w.from; i < w.to; i++) {
            double y = w.v[i];
            if (constY && i > w.from && y != initY) {
                constY = false;
            }
            n += 1;
            double x = (w.t[i] - interceptTime) / 1e3;
            double[] k = kahan(x, sumX, cX);
            sumX = k[0];
            cX = k[1];
            k = kahan(y, sumY, cY);
            sumY = k[0];
            cY = k[1];
            k = kahan(x * y, sumXY, cXY);
            sumXY = k[0];
            cXY = k[1];
            k = kahan(x * x, sumX2, cX2);
            sumX2 = k[0];
            cX2 = k[1];
        }
        if (constY) {
            if (Double.isInfinite(initY)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {0, initY};
        }
        sumX += cX;
        sumY += cY;
        sumXY += cXY;
        sumX2 += cX2;
        double covXY = sumXY - sumX * sumY / n;
        double varX = sumX2 - sumX * sumX / n;
        double slope = covXY / varX;
        double intercept = sumY / n - slope * sumX / n;
        return new double[] {slope, intercept};
    }

    /** Neumaier's compensated addition: the new sum and the new compensation. */
    private static double[] kahan(double inc, double sum, double c) {
        double t = sum + inc;
        if (Math.abs(sum) >= Math.abs(inc)) {
            c += (sum - t) + inc;
        } else {
            c += (inc - t) + sum;
        }
        return new double[] {t, c};
    }

    private static boolean avgOverTime(Window w, double[] s) {
        double mean = 0;
        double count = 0;
        double c = 0;
        for (int i = w.from; i < w.to; i++) {
            double v = w.v[i];
            count++;
            if (Double.isInfinite(mean)) {
                if (Double.isInfinite(v) && (mean > 0) == (v > 0)) {
                    continue;
                }
                if (!Double.isInfinite(v) && !Double.isNaN(v)) {
                    continue;
                }
            }
            double[] k = kahan(v / count - mean / count, mean, c);
            mean = k[0];
            c = k[1];
        }
        w.result = Double.isInfinite(mean) ? mean : mean + c;
        return true;
    }

    private static double variance(Window w) {
        double count = 0;
        double mean = 0;
        double cMean = 0;
        double aux = 0;
        double cAux = 0;
        for (int i = w.from; i < w.to; i++) {
            double v = w.v[i];
            count++;
            double delta = v - (mean + cMean);
            double[] k = kahan(delta / count, mean, cMean);
            mean = k[0];
            cMean = k[1];
            k = kahan(delta * (v - (mean + cMean)), aux, cAux);
            aux = k[0];
            cAux = k[1];
        }
        return (aux + cAux) / count;
    }

    private static boolean holtWinters(Window w, double[] s) {
        double sf = s[1];
        double tf = s[2];
        if (sf <= 0 || sf >= 1) {
            throw QueryException.execution("invalid smoothing factor. Expected: 0 < sf < 1, got: " + goF6(sf));
        }
        if (tf <= 0 || tf >= 1) {
            throw QueryException.execution("invalid trend factor. Expected: 0 < tf < 1, got: " + goF6(tf));
        }
        int l = w.size();
        if (l < 2) {
            return false;
        }
        double s0 = 0;
        double s1 = w.v[w.from];
        double b = w.v[w.from + 1] - w.v[w.from];
        for (int i = 1; i < l; i++) {
            double x = sf * w.v[w.from + i];
            if (i - 1 != 0) {
                b = tf * (s1 - s0) + (1 - tf) * b;
            }
            double y = (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = x + y;
        }
        w.result = s1;
        return true;
    }

    /** Go's {@code %f}: six decimals; NaN and infinities as Go spells them. */
    static String goF6(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
