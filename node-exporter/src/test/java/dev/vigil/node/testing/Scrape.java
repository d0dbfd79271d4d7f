package dev.vigil.node.testing;

import dev.vigil.model.text.ParsedFamily;
import dev.vigil.model.text.ParsedSample;
import dev.vigil.model.text.TextFormatParser;
import dev.vigil.model.text.TextParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed Prometheus text exposition, for comparing two exporters' output: per family its HELP,
 * TYPE and samples keyed by the sample's name plus its sorted labels.
 */
public final class Scrape {
    /** One metric family. */
    public static final class Family {
        public final String name;
        public String help;
        public String type = "untyped";
        public final Map<String, Double> samples = new TreeMap<>();

        Family(String name) {
            this.name = name;
        }
    }

    public final Map<String, Family> families = new LinkedHashMap<>();
    public final String text;

    private Scrape(String text) {
        this.text = text;
    }

    /**
     * Parses the text format 0.0.4 with the project's own {@link TextFormatParser} (Go's rules), so
     * every comparison also runs that parser over node_exporter's and our output.
     */
    public static Scrape parse(String text) {
        Scrape scrape = new Scrape(text);
        List<ParsedFamily> parsed;
        try {
            parsed = TextFormatParser.parse(text);
        } catch (TextParseException e) {
            throw new AssertionError("exposition does not parse: " + e.getMessage() + "\n" + text, e);
        }
        for (ParsedFamily source : parsed) {
            Family family = scrape.families.computeIfAbsent(source.name(), Family::new);
            family.help = source.help() == null ? "" : source.help();
            family.type = source.type().textName();
            for (ParsedSample sample : source.samples()) {
                Map<String, String> labels = new TreeMap<>();
                for (int i = 0; i < sample.labelNames().size(); i++) {
                    String name = sample.labelNames().get(i);
                    String value = sample.labelValues().get(i);
                    labels.put(name, name.equals("le") || name.equals("quantile") ? number(value) : value);
                }
                family.samples.put(key(sample.name(), labels), sample.value());
            }
        }
        return scrape;
    }

    /** {@code name{a="1",b="2"}} with labels sorted: the key both exporters' samples meet on. */
    public static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> parts.add(k + "=\"" + v + "\""));
        return name + "{" + String.join(",", parts) + "}";
    }

    /**
     * A bucket bound or quantile in one spelling: client_java writes {@code le="1.0"} where Go
     * writes {@code le="1"}; Prometheus reads both as the number 1.
     */
    private static String number(String text) {
        return Double.toString(parseValue(text));
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    /** The families whose names start with one of {@code prefixes}. */
    public Map<String, Family> only(List<String> prefixes) {
        Map<String, Family> out = new TreeMap<>();
        families.forEach((name, family) -> {
            if (prefixes.stream().anyMatch(name::startsWith)) {
                out.put(name, family);
            }
        });
        return out;
    }
}
