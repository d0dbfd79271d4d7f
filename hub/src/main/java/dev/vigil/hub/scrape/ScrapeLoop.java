package dev.vigil.hub.scrape;

import dev.vigil.hub.relabel.Relabeler;
import dev.vigil.model.Labels;
import dev.vigil.model.StaleMarker;
import dev.vigil.model.exposition.ExpositionException;
import dev.vigil.model.exposition.ExpositionParser;
import dev.vigil.storage.Appender;
import dev.vigil.storage.SampleRejectedException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Scrapes one target and stores what it got, as Prometheus' scrape loop does: target labels on
 * every series (with {@code exported_} for clashes unless honor_labels), the scrape's timestamp
 * (or the sample's, with honor_timestamps), the five report series, and a staleness marker for
 * every series that was in the previous scrape and is not in this one (all of them when the
 * scrape fails; never for series with explicit timestamps). The exposition is parsed from the
 * response's bytes, and a cache keyed by each series' raw text makes a steady-state scrape a hash
 * probe and an append per sample: labels are built and relabeled once per new series.
 */
public final class ScrapeLoop {
    private static final Logger LOG = Logger.getLogger(ScrapeLoop.class.getName());

    private final ScrapeTarget target;
    private final Fetcher fetcher;
    private final Supplier<Appender> appenders;
    private final SeriesCache cache = new SeriesCache();
    private final SeriesCache.Key key = new SeriesCache.Key();
    private final Map<String, Report> reports = new HashMap<>();
    private final TargetMetadata metadata = new TargetMetadata();
    /** Counts scrapes; cache entries remember the last one that saw them. */
    private int scrapeNumber;
    private volatile TargetHealth health = TargetHealth.UNKNOWN;
    private volatile String refusal;

    private static final class Report {
        final Labels labels;
        long ref;

        Report(Labels labels) {
            this.labels = labels;
        }
    }

    /** Gets a target's exposition; a failure is an IOException with the message the API shows. */
    @FunctionalInterface
    public interface Fetcher {
        ScrapeBody fetch(ScrapeTarget target) throws IOException;

        /** Takes back a body once parsed, so that its buffer can serve the next scrape. */
        default void release(ScrapeBody body) {
        }
    }

    public ScrapeLoop(ScrapeTarget target, Fetcher fetcher, Supplier<Appender> appenders) {
        this.target = target;
        this.fetcher = fetcher;
        this.appenders = appenders;
    }

    public ScrapeTarget target() {
        return target;
    }

    public TargetHealth health() {
        return health;
    }

    /** HELP, TYPE and UNIT per metric family, as of the last successful scrape. */
    public TargetMetadata metadata() {
        return metadata;
    }

    /**
     * Fails every scrape with {@code error} instead of fetching (a pool over its target_limit), or
     * scrapes normally again with null.
     */
    public void refuse(String error) {
        this.refusal = error;
    }

    /** What one append pass counted, reported whether it succeeded or not (as Prometheus does). */
    private static final class Counts {
        int scraped;
        int kept;
        int added;
    }

    /** One scrape, stamped {@code timestamp} (ms); the loop's scheduler calls it. */
    public synchronized void scrape(long timestamp) {
        long start = System.nanoTime();
        ScrapeBody body = null;
        String error = refusal;
        if (error == null) {
            try {
                body = fetcher.fetch(target);
            } catch (IOException e) {
                error = e.getMessage();
            }
        }
        double duration = (System.nanoTime() - start) / 1e9;
        Counts counts = new Counts();
        if (body != null) {
            int scrape = ++scrapeNumber;
            Appender app = appenders.get();
            try {
                append(app, body, timestamp, scrape, counts);
                markStale(app, scrape, timestamp);
                report(app, timestamp, 1, duration, counts);
                app.commit();
                health = new TargetHealth("up", "", Instant.ofEpochMilli(timestamp), duration, counts.scraped);
                return;
            } catch (ExpositionException | LimitException e) {
                error = e.getMessage();
            } catch (IOException e) {
                error = "storage: " + e.getMessage();
            } finally {
                fetcher.release(body);
            }
            app.rollback();
            cache.removeIf(e -> e.created == scrape); // series of a refused scrape were never stored
        }
        fail(timestamp, duration, error, counts);
    }

    /** Parses the body and appends its samples; throws what fails the whole scrape. */
    private void append(Appender app, ScrapeBody body, long timestamp, int scrape, Counts counts)
            throws ExpositionException, LimitException, IOException {
        ExpositionParser parser = ExpositionParser.forContentType(body.contentType(), body.bytes(), body.length());
        byte[] b = parser.buffer();
        long sampleLimit = target.config().sampleLimit();
        boolean honorTimestamps = target.config().honorTimestamps();
        boolean overLimit = false;
        boolean noMetricRelabeling = target.config().metricRelabelConfigs().isEmpty();
        ExpositionParser.Entry entry;
        metadata.begin();
        while ((entry = parser.next()) != null) {
            if (entry != ExpositionParser.Entry.SERIES) {
                if (entry != ExpositionParser.Entry.COMMENT) {
                    metadata.line(parser, entry, body.length());
                }
                continue;
            }
            counts.scraped++;
            key.set(b, parser.seriesStart(), parser.seriesEnd());
            SeriesCache.Entry series = cache.get(key);
            if (series == null && overLimit) {
                // the scrape fails anyway: count, but neither cache nor store what is past the limit
                if (noMetricRelabeling || newSeries(parser) != null) {
                    counts.kept++;
                }
                continue;
            }
            if (series == null) {
                series = cache.add(key, newSeries(parser), scrape);
                if (series.labels != null) {
                    counts.added++;
                }
            } else if (series.lastSeen == scrape) {
                continue; // a repeated series in one exposition: Prometheus keeps the first
            }
            series.lastSeen = scrape;
            if (series.labels == null) {
                continue; // dropped by metric_relabel_configs
            }
            counts.kept++;
            if (sampleLimit > 0 && counts.kept > sampleLimit) {
                overLimit = true; // counted to the end, as Prometheus reports the full count
                continue;
            }
            boolean explicit = honorTimestamps && parser.hasTimestamp();
            series.trackStaleness = !explicit;
            try {
                long ref = app.append(series.ref, series.labels, explicit ? parser.timestamp() : timestamp, parser.value());
                if (ref != series.ref) {
                    series.ref = ref;
                    Labels stored = app.storedLabels(ref);
                    if (stored != null && stored.equals(series.labels)) {
                        series.labels = stored; // hold the series' strings once, in the storage
                    }
                }
            } catch (SampleRejectedException e) {
                // counted by the storage per reason; the scrape goes on, as in Prometheus
            }
        }
        if (overLimit) {
            throw new LimitException("sample limit exceeded");
        }
        metadata.end();
    }

    /** The stored labels of a series new to the cache; null when metric relabeling drops it. */
    private Labels newSeries(ExpositionParser parser) throws ExpositionException, LimitException {
        Labels.Builder exposed = Labels.builder();
        parser.labels(exposed);
        Labels labels = Relabeler.apply(withTargetLabels(exposed), target.config().metricRelabelConfigs());
        if (labels != null) {
            checkLabelLimits(labels, labels.metricName());
        }
        return labels;
    }

    private void fail(long timestamp, double duration, String error, Counts counts) {
        Appender app = appenders.get();
        try {
            markStale(app, scrapeNumber + 1, timestamp); // no series survives a failed scrape
            report(app, timestamp, 0, duration, counts);
            app.commit();
        } catch (IOException e) {
            app.rollback();
            LOG.warning(() -> "cannot store the failed scrape of " + target.url() + ": " + e.getMessage());
        }
        health = new TargetHealth("down", error, Instant.ofEpochMilli(timestamp), duration, 0);
    }

    /**
     * Stale markers for the cached series scrape {@code scrape} did not see (all of them were in the
     * previous successful scrape: the cache keeps nothing else); forgets them.
     */
    private void markStale(Appender app, int scrape, long timestamp) {
        List<SeriesCache.Entry> gone = new ArrayList<>();
        cache.removeIf(e -> {
            if (e.lastSeen != scrape) {
                gone.add(e);
                return true;
            }
            return false;
        });
        for (SeriesCache.Entry series : gone) {
            if (series.labels != null && series.trackStaleness) {
                try {
                    app.append(series.ref, series.labels, timestamp, StaleMarker.VALUE);
                } catch (SampleRejectedException e) {
                    // a newer sample already ended it
                }
            }
        }
    }

    /** Ends every series of this target (it left the config): stale markers at {@code timestamp}. */
    public synchronized void stop(long timestamp) {
        Appender app = appenders.get();
        try {
            markStale(app, scrapeNumber + 1, timestamp);
            for (Report report : reports.values()) {
                try {
                    app.append(report.ref, report.labels, timestamp, StaleMarker.VALUE);
                } catch (SampleRejectedException e) {
                    // already ended
                }
            }
            app.commit();
        } catch (IOException e) {
            app.rollback();
        }
    }

    private void report(Appender app, long t, double up, double duration, Counts counts) {
        reportOne(app, "up", t, up);
        reportOne(app, "scrape_duration_seconds", t, duration);
        reportOne(app, "scrape_samples_scraped", t, counts.scraped);
        reportOne(app, "scrape_samples_post_metric_relabeling", t, counts.kept);
        reportOne(app, "scrape_series_added", t, counts.added);
    }

    private void reportOne(Appender app, String name, long t, double value) {
        Report series = reports.computeIfAbsent(name,
                n -> new Report(target.labels().toBuilder().set(Labels.METRIC_NAME, n).build()));
        try {
            series.ref = app.append(series.ref, series.labels, t, value);
        } catch (SampleRejectedException e) {
            // the clock went backwards: nothing sensible to store
        }
    }

    /** Prometheus' label limits on a stored series; the scrape fails with its wording. */
    private void checkLabelLimits(Labels labels, String metricName) throws LimitException {
        var limits = target.config().limits();
        String metric = truncate(metricName, 50);
        if (limits.labelLimit() > 0 && labels.size() > limits.labelLimit()) {
            throw new LimitException(String.format("label_limit exceeded (metric: %s, number of labels: %d, limit: %d)",
                    metric, labels.size(), limits.labelLimit()));
        }
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.name(i);
            String value = labels.value(i);
            if (limits.labelNameLengthLimit() > 0 && name.length() > limits.labelNameLengthLimit()) {
                throw new LimitException(String.format(
                        "label_name_length_limit exceeded (metric: %s, label name: %s, length: %d, limit: %d)",
                        metric, truncate(name, 50), name.length(), limits.labelNameLengthLimit()));
            }
            if (limits.labelValueLengthLimit() > 0 && value.length() > limits.labelValueLengthLimit()) {
                throw new LimitException(String.format(
                        "label_value_length_limit exceeded (metric: %s, label name: %s, value: \"%s\", length: %d, limit: %d)",
                        metric, truncate(name, 50), truncate(value, 50), value.length(), limits.labelValueLengthLimit()));
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The stored labels: the exposed ones, then the target's; a clash keeps the exposed value as
     * {@code exported_<name>} (honor_labels false) or keeps it and drops the target's (true).
     */
    Labels withTargetLabels(Labels.Builder builder) {
        Labels targetLabels = target.labels();
        for (int i = 0; i < targetLabels.size(); i++) {
            String name = targetLabels.name(i);
            String existing = builder.get(name);
            if (!existing.isEmpty()) {
                if (target.config().honorLabels()) {
                    continue;
                }
                String exported = "exported_" + name;
                while (!builder.get(exported).isEmpty()) {
                    exported = "exported_" + exported;
                }
                builder.set(exported, existing);
            }
            builder.set(name, targetLabels.value(i));
        }
        return builder.build();
    }

    private static final class LimitException extends Exception {
        private static final long serialVersionUID = 1L;

        LimitException(String message) {
            super(message, null, false, false);
        }
    }
}
