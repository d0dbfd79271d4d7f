package dev.vigil.bench.reliability;

import java.util.List;

/**
 * Whether one target was scraped in every interval of a window, from the timestamps of its
 * {@code up} samples: a gap between consecutive scrapes (or from the window's start to the first,
 * or from the last to its end) of more than 1.5 intervals means a scrape was missed; each such gap
 * counts {@code round(gap / interval) - 1} missed scrapes (at least one).
 */
record ScrapeTimes(int scrapes, int missed, long maxGapMillis, boolean allUp) {
    static ScrapeTimes of(List<double[]> upPoints, long windowStart, long windowEnd, long intervalMillis) {
        long previous = windowStart;
        int scrapes = 0;
        int missed = 0;
        long maxGap = 0;
        boolean allUp = true;
        for (double[] p : upPoints) {
            long t = (long) p[0];
            if (t < windowStart || t > windowEnd) {
                continue;
            }
            scrapes++;
            allUp &= p[1] == 1;
            long gap = t - previous;
            if (previous != windowStart) {
                maxGap = Math.max(maxGap, gap);
            }
            missed += missedIn(gap, intervalMillis);
            previous = t;
        }
        missed += missedIn(windowEnd - previous, intervalMillis);
        return new ScrapeTimes(scrapes, missed, maxGap, allUp && scrapes > 0);
    }

    private static int missedIn(long gap, long interval) {
        return gap * 2 > interval * 3 ? (int) Math.max(1, Math.round((double) gap / interval) - 1) : 0;
    }
}
