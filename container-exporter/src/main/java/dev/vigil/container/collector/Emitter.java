package dev.vigil.container.collector;

import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Writes one scrape's samples: each family's descriptor built once for the scrape's base label names. */
final class Emitter {
    private final MetricSink sink;
    private final List<String> baseNames;
    private final Map<Family, Desc> descs = new IdentityHashMap<>(); // families are constants: no record hashing

    Emitter(MetricSink sink, List<String> baseNames) {
        this.sink = sink;
        this.baseNames = baseNames;
    }

    void add(Family family, double value, String[] base, String... extra) {
        Desc desc = descs.computeIfAbsent(family, f -> f.desc(baseNames));
        sink.add(desc, value, LabelScheme.join(extra, base));
    }

    /** Adds the value (divided, as cAdvisor converts units) when present; 0 when {@code zeroWhenAbsent}, else nothing. */
    void add(Family family, OptionalLong value, double divisor, boolean zeroWhenAbsent, String[] base, String... extra) {
        if (value.isPresent()) {
            add(family, value.getAsLong() / divisor, base, extra);
        } else if (zeroWhenAbsent) {
            add(family, 0, base, extra);
        }
    }
}
