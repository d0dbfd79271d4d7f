package dev.vigil.node.testing;

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

    /** Parses the 0.0.4 text format as node_exporter writes it. */
    public static Scrape parse(String text) {
        Scrape scrape = new Scrape(text);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String rest = line.substring(7);
                int space = rest.indexOf(' ');
                String name = space < 0 ? rest : rest.substring(0, space);
                scrape.family(name).help = space < 0 ? "" : unescapeHelp(rest.substring(space + 1));
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                scrape.family(parts[0]).type = parts[1];
            } else if (!line.startsWith("#")) {
                scrape.addSample(line);
            }
        }
        return scrape;
    }

    private Family family(String name) {
        return families.computeIfAbsent(name, Family::new);
    }

    private void addSample(String line) {
        int brace = line.indexOf('{');
        int valueStart;
        String name;
        Map<String, String> labels = new TreeMap<>();
        if (brace >= 0 && brace < line.indexOf(' ')) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq).strip();
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                labels.put(label, label.equals("le") || label.equals("quantile") ? number(value.toString()) : value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            valueStart = i + 2;
        } else {
            int space = line.indexOf(' ');
            name = line.substring(0, space);
            valueStart = space + 1;
        }
        String[] rest = line.substring(valueStart).strip().split(" ");
        double value = parseValue(rest[0]);
        family(familyOf(name)).samples.put(key(name, labels), value);
    }

    private String familyOf(String sampleName) {
        if (families.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : List.of("_bucket", "_sum", "_count", "_total", "_created", "_info")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (families.containsKey(base)) {
                    return base;
                }
            }
        }
        return sampleName;
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

    private static String unescapeHelp(String help) {
        return help.replace("\\n", "\n").replace("\\\\", "\\");
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
