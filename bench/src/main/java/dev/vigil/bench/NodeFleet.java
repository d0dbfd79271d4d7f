package dev.vigil.bench;

import dev.vigil.model.Labels;
import dev.vigil.model.MetricType;
import dev.vigil.model.text.ParsedFamily;
import dev.vigil.model.text.ParsedSample;
import dev.vigil.model.text.TextFormatParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fleet of simulated hosts whose series move as a real node_exporter's do: the model is two real
 * scrapes of Debian's node_exporter 1.5 taken 15 s apart on this VM ({@code bench/data/
 * node-a.prom}, {@code node-b.prom}). A series that did not change between them stays constant; a
 * counter grows by about its observed increment each step; a gauge wanders by about its observed
 * change; values keep the decimals the real ones had (integral byte counts stay integral, /proc's
 * hundredths stay hundredths). Each host gets its own instance label and scaled starting values.
 * Deterministic for a seed.
 */
final class NodeFleet {
    private final List<Labels> labels = new ArrayList<>();
    private final double[] values;
    private final double[] steps;
    private final boolean[] counter;
    private final double[] scale; // 10^decimals: values are rounded to this
    private final SplittableRandom random;

    /** The model series, one host's worth. */
    private record Model(String name, Labels labels, double a, double b, boolean counter, int decimals) {
    }

    NodeFleet(Path dataDir, int hosts, long seed) throws IOException {
        List<Model> model = model(dataDir);
        random = new SplittableRandom(seed);
        int n = model.size() * hosts;
        values = new double[n];
        steps = new double[n];
        counter = new boolean[n];
        scale = new double[n];
        int i = 0;
        for (int h = 0; h < hosts; h++) {
            double hostFactor = 0.5 + random.nextDouble() * 1.5;
            for (Model m : model) {
                labels.add(m.labels().toBuilder().set("instance", "host-" + h + ":9100").set("job", "node").build());
                scale[i] = Math.pow(10, Math.min(m.decimals(), 6));
                counter[i] = m.counter();
                double delta = m.b() - m.a();
                steps[i] = m.counter() ? delta * hostFactor : Math.abs(delta) * hostFactor;
                values[i] = round(m.a() * (m.a() == m.b() ? 1 : hostFactor), scale[i]);
                i++;
            }
        }
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }

    private static List<Model> model(Path dataDir) throws IOException {
        List<ParsedFamily> a;
        List<ParsedFamily> b;
        try {
            a = TextFormatParser.parse(Files.readString(dataDir.resolve("node-a.prom")));
            b = TextFormatParser.parse(Files.readString(dataDir.resolve("node-b.prom")));
        } catch (dev.vigil.model.text.TextParseException e) {
            throw new IOException(e.getMessage(), e);
        }
        java.util.Map<Labels, Double> later = new java.util.HashMap<>();
        for (ParsedFamily f : b) {
            for (ParsedSample s : f.samples()) {
                later.put(labelsOf(s), s.value());
            }
        }
        List<Model> out = new ArrayList<>();
        for (ParsedFamily f : a) {
            for (ParsedSample s : f.samples()) {
                Labels l = labelsOf(s);
                Double bv = later.get(l);
                if (bv == null || !Double.isFinite(s.value()) || !Double.isFinite(bv)) {
                    continue;
                }
                boolean isCounter = f.type() == MetricType.COUNTER || s.name().endsWith("_total")
                        || s.name().endsWith("_count") || s.name().endsWith("_sum") || s.name().endsWith("_bucket");
                out.add(new Model(s.name(), l, s.value(), bv, isCounter, Math.max(decimals(s.value()), decimals(bv))));
            }
        }
        return out;
    }

    private static Labels labelsOf(ParsedSample s) {
        Labels.Builder builder = Labels.builder().set(Labels.METRIC_NAME, s.name());
        for (int i = 0; i < s.labelNames().size(); i++) {
            builder.set(s.labelNames().get(i), s.labelValues().get(i));
        }
        return builder.build();
    }

    private static int decimals(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return 0;
        }
        return Math.max(0, new BigDecimal(Double.toString(v)).stripTrailingZeros().scale());
    }

    int size() {
        return values.length;
    }

    Labels labels(int i) {
        return labels.get(i);
    }

    /** Moves every series one scrape interval on and returns the values (reused array). */
    double[] step() {
        step(0, values.length);
        return values;
    }

    /** Moves series {@code [from, to)} one scrape interval on (one simulated host's worth). */
    synchronized void step(int from, int to) {
        for (int i = from; i < to; i++) {
            if (steps[i] == 0) {
                continue;
            }
            double change = counter[i] ? steps[i] * (0.5 + random.nextDouble())
                    : steps[i] * (random.nextDouble() * 2 - 1);
            values[i] = round(values[i] + change, scale[i]);
            if (counter[i] && values[i] < 0) {
                values[i] = 0;
            }
        }
    }

    double[] current() {
        return values;
    }
}
