package dev.vigil.bench.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's figures: printed as one {@code RELIABILITY <name> key=value ...} line and written to
 * {@code target/reliability/<name>.txt}, so they can be quoted in BENCHMARKS.md.
 */
final class Figures {
    private final String name;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String name) {
        this.name = name;
    }

    Figures put(String key, Object value) {
        values.put(key, value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : value);
        return this;
    }

    /** The {@code p}th percentile (0-100, nearest rank) of {@code xs}; 0 for none. */
    static double percentile(List<? extends Number> xs, double p) {
        if (xs.isEmpty()) {
            return 0;
        }
        double[] sorted = xs.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double max(List<? extends Number> xs) {
        return xs.stream().mapToDouble(Number::doubleValue).max().orElse(0);
    }

    String line() {
        return "RELIABILITY " + name + " " + values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    void write() throws IOException {
        String line = line();
        System.out.println(line);
        Path dir = Path.of("target", "reliability");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".txt"), line + "\n");
    }

    @Override
    public String toString() {
        return line();
    }
}
