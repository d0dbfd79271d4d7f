package dev.vigil.jvm.agent.mbean;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.management.MBeanServerConnection;

/**
 * The MBean families of one scrape, plus jmx_exporter's {@code jmx_scrape_duration_seconds},
 * {@code jmx_scrape_error} (1 when the bean query failed or a rule's template could not be expanded,
 * the samples read so far are still served) and {@code jmx_scrape_cached_beans}. Scrapes are
 * serialized: the caches are shared and scrapes of one JVM are rare.
 */
public final class MBeanCollector implements MultiCollector {
    static final String DURATION = "jmx_scrape_duration_seconds";
    static final String ERROR = "jmx_scrape_error";
    static final String CACHED = "jmx_scrape_cached_beans";

    private final MBeanWalker walker;
    private final RuleMatcher matcher;
    private final Predicate<String> taken;
    private final MatchCache cache = new MatchCache();
    private final KeyPropertyCache properties = new KeyPropertyCache();

    /**
     * @param otherFamilies names of the families other collectors serve on the same registry; an MBean
     *     family of the same name is left out (one name cannot hold two families)
     */
    public MBeanCollector(MBeanConfig config, MBeanServerConnection server, Set<String> otherFamilies) {
        this.walker = new MBeanWalker(server, config.includes(), config.excludes(), properties);
        this.matcher = new RuleMatcher(config.rules(), config.lowercaseOutputName(), config.lowercaseOutputLabelNames());
        Set<String> reserved = Set.copyOf(otherFamilies);
        this.taken = name -> reserved.contains(name) || name.equals(DURATION) || name.equals(ERROR)
                || name.equals(CACHED);
    }

    @Override
    public synchronized MetricSnapshots collect() {
        long start = System.nanoTime();
        MatchCache.Seen seen = new MatchCache.Seen();
        List<Sample> samples = new ArrayList<>();
        boolean[] failed = {false};
        try {
            walker.walk(attribute -> {
                try {
                    Sample sample = matcher.apply(attribute, cache, seen);
                    if (sample != null) {
                        samples.add(sample);
                    }
                } catch (RuntimeException e) {
                    failed[0] = true; // e.g. "$3" in a template of a pattern with two groups
                }
            });
        } catch (IOException | RuntimeException e) {
            failed[0] = true;
        }
        cache.evictUnseen(seen);
        int[] dropped = {0};
        List<MetricSnapshot> families = new ArrayList<>(FamilyBuilder.build(samples, taken, dropped));
        families.add(gauge(DURATION, "Time this JMX scrape took, in seconds.", (System.nanoTime() - start) / 1e9));
        families.add(gauge(ERROR, "Non-zero if this scrape failed.", failed[0] ? 1 : 0));
        families.add(gauge(CACHED, "Number of beans with their matching rule cached", seen.count()));
        return new MetricSnapshots(families);
    }

    /** How many ObjectNames have their key properties cached (for tests). */
    int cachedKeyProperties() {
        return properties.size();
    }

    /** How many match results of {@code cache: true} rules are kept (for tests). */
    int cachedMatches() {
        synchronized (this) {
            return cache.size();
        }
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }
}
