package dev.vigil.exporter;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What client_java builds from a descriptor on every scrape, built once: its metadata and the
 * {@link Labels} of each label-value combination seen. client_java validates and sorts label names
 * in {@code Labels.of}, about half of a scrape's allocation before this cache; a descriptor's names
 * are validated once already. The label cache is bounded per descriptor, so label values that churn
 * (one per process, say) cannot grow it without limit.
 */
final class DescCache {
    private static final int MAX_LABEL_SETS = 4096;
    private static final Map<Desc, DescCache> CACHES = new ConcurrentHashMap<>();

    private final String[] labelNames;
    private final Map<Key, Labels> labels = new ConcurrentHashMap<>();
    private final Map<String, MetricMetadata> metadata = new ConcurrentHashMap<>(2);

    private DescCache(Desc desc) {
        this.labelNames = desc.labelNames().toArray(String[]::new);
    }

    static DescCache of(Desc desc) {
        DescCache cache = CACHES.get(desc);
        if (cache == null) {
            if (CACHES.size() > 65_536) {
                CACHES.clear(); // descriptors made per scrape by a collector; start again rather than grow
            }
            cache = CACHES.computeIfAbsent(desc, DescCache::new);
        }
        return cache;
    }

    /** The metadata for {@code name} (the family name client_java wants) and {@code help}. */
    MetricMetadata metadata(String name, String help) {
        return metadata.computeIfAbsent(name, n -> new MetricMetadata(n, help));
    }

    Labels labels(String[] values) {
        if (values.length == 0) {
            return Labels.EMPTY;
        }
        Key key = new Key(values);
        Labels cached = labels.get(key);
        if (cached == null) {
            cached = Labels.of(labelNames, values);
            if (labels.size() >= MAX_LABEL_SETS) {
                labels.clear();
            }
            labels.put(key, cached);
        }
        return cached;
    }

    /** Label values compared by content. */
    private record Key(String[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(values, key.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
