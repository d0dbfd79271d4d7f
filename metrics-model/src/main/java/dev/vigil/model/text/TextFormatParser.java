package dev.vigil.model.text;

import dev.vigil.model.MetricNames;
import dev.vigil.model.MetricType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the Prometheus text format 0.0.4 with the rules of Go's {@code expfmt.TextParser}: HELP and
 * TYPE at most once per family and TYPE before its samples, {@code _sum}/{@code _count}/{@code
 * _bucket} samples joined to their summary or histogram family, label values with {@code \\}, {@code
 * \"} and {@code \n} escapes, Go float syntax for values ({@code NaN}, {@code +Inf}, ...) and an
 * optional integer timestamp. Errors carry the line number and Go's wording.
 */
public final class TextFormatParser {
    private final Map<String, Builder> families = new LinkedHashMap<>();
    private int lineNumber;

    private TextFormatParser() {
    }

    /** The families in the order their first line appears. */
    public static List<ParsedFamily> parse(String text) throws TextParseException {
        TextFormatParser parser = new TextFormatParser();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            parser.lineNumber++;
            parser.line(text.substring(start, end));
            start = end + 1;
        }
        List<ParsedFamily> out = new ArrayList<>(parser.families.size());
        for (Builder builder : parser.families.values()) {
            out.add(new ParsedFamily(builder.name, builder.help, builder.type, List.copyOf(builder.samples)));
        }
        return out;
    }

    private void line(String line) throws TextParseException {
        int i = skipBlanks(line, 0);
        if (i == line.length()) {
            return;
        }
        if (line.charAt(i) == '#') {
            comment(line, i + 1);
        } else {
            sample(line, i);
        }
    }

    private void comment(String line, int i) throws TextParseException {
        i = skipBlanks(line, i);
        int keywordEnd = tokenEnd(line, i);
        String keyword = line.substring(i, keywordEnd);
        if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
            return; // any other comment is ignored
        }
        i = skipBlanks(line, keywordEnd);
        int nameEnd = tokenEnd(line, i);
        String name = line.substring(i, nameEnd);
        if (name.isEmpty()) {
            return; // "# HELP" alone is a comment, as in expfmt
        }
        if (!MetricNames.isValidMetricName(name)) {
            throw error("invalid metric name in comment");
        }
        i = skipBlanks(line, nameEnd);
        Builder family = families.computeIfAbsent(name, Builder::new);
        if (keyword.equals("HELP")) {
            if (family.help != null) {
                throw error("second HELP line for metric name \"" + name + "\"");
            }
            family.help = unescapeHelp(line.substring(i));
            return;
        }
        String word = line.substring(i).strip();
        if (family.typed || !family.samples.isEmpty()) {
            throw error("second TYPE line for metric name \"" + name + "\", or TYPE reported after samples");
        }
        family.type = switch (word) {
            case "counter" -> MetricType.COUNTER;
            case "gauge" -> MetricType.GAUGE;
            case "untyped" -> MetricType.UNTYPED;
            case "summary" -> MetricType.SUMMARY;
            case "histogram" -> MetricType.HISTOGRAM;
            default -> throw error("unknown metric type \"" + word + "\"");
        };
        family.typed = true;
    }

    private void sample(String line, int i) throws TextParseException {
        int nameEnd = i;
        while (nameEnd < line.length() && isNameChar(line.charAt(nameEnd), nameEnd == i)) {
            nameEnd++;
        }
        String name = line.substring(i, nameEnd);
        if (name.isEmpty()) {
            throw error("invalid metric name");
        }
        i = skipBlanks(line, nameEnd);
        List<String> labelNames = new ArrayList<>();
        List<String> labelValues = new ArrayList<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, name, labelNames, labelValues);
        }
        i = skipBlanks(line, i);
        int valueEnd = tokenEnd(line, i);
        String valueText = line.substring(i, valueEnd);
        if (valueText.isEmpty()) {
            throw error("expected float as value, got \"\"");
        }
        double value = GoFloat.parse(valueText);
        if (Double.isNaN(value) && !GoFloat.isNaNWord(valueText)) {
            throw error("expected float as value, got \"" + valueText + "\"");
        }
        i = skipBlanks(line, valueEnd);
        Long timestamp = null;
        if (i < line.length()) {
            int stampEnd = tokenEnd(line, i);
            String stamp = line.substring(i, stampEnd);
            try {
                timestamp = Long.parseLong(stamp);
            } catch (NumberFormatException e) {
                throw error("expected integer as timestamp, got \"" + stamp + "\"");
            }
            int rest = skipBlanks(line, stampEnd);
            if (rest < line.length()) {
                throw error("spurious string after timestamp: \"" + line.substring(rest) + "\"");
            }
        }
        familyOf(name).samples.add(new ParsedSample(name, labelNames, labelValues, value, timestamp));
    }

    private int labels(String line, int i, String metric, List<String> names, List<String> values)
            throws TextParseException {
        Set<String> seen = new HashSet<>();
        while (true) {
            i = skipBlanks(line, i);
            if (i >= line.length()) {
                throw error("unexpected end of label set");
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int labelEnd = i;
            while (labelEnd < line.length() && isLabelChar(line.charAt(labelEnd), labelEnd == i)) {
                labelEnd++;
            }
            String label = line.substring(i, labelEnd);
            if (label.isEmpty()) {
                throw error("invalid label name for metric \"" + metric + "\"");
            }
            i = skipBlanks(line, labelEnd);
            if (i >= line.length() || line.charAt(i) != '=') {
                throw error("expected '=' after label name, found " + found(line, i));
            }
            i = skipBlanks(line, i + 1);
            if (i >= line.length() || line.charAt(i) != '"') {
                throw error("expected '\"' at start of label value, found " + found(line, i));
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (true) {
                if (i >= line.length()) {
                    throw error("unexpected end of label value");
                }
                char c = line.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    if (i >= line.length()) {
                        throw error("unexpected end of label value");
                    }
                    char escaped = line.charAt(i++);
                    switch (escaped) {
                        case '\\' -> value.append('\\');
                        case '"' -> value.append('"');
                        case 'n' -> value.append('\n');
                        default -> throw error("invalid escape sequence '\\" + escaped + "'");
                    }
                } else {
                    value.append(c);
                }
            }
            if (label.equals("__name__")) {
                throw error("label name \"__name__\" is reserved");
            }
            if (!seen.add(label)) {
                throw error("duplicate label names for metric \"" + metric + "\"");
            }
            names.add(label);
            values.add(value.toString());
            i = skipBlanks(line, i);
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            } else if (i >= line.length() || line.charAt(i) != '}') {
                throw error("unexpected end of label value " + found(line, i));
            }
        }
    }

    /** The family a sample belongs to: its own name, or the summary/histogram its suffix points at. */
    private Builder familyOf(String sampleName) {
        for (String suffix : new String[] {"_sum", "_count", "_bucket"}) {
            if (sampleName.endsWith(suffix)) {
                Builder base = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (base != null && (base.type == MetricType.HISTOGRAM
                        || (base.type == MetricType.SUMMARY && !suffix.equals("_bucket")))) {
                    return base;
                }
            }
        }
        return families.computeIfAbsent(sampleName, Builder::new);
    }

    private TextParseException error(String reason) {
        return new TextParseException(lineNumber, reason);
    }

    private static String found(String line, int i) {
        return i >= line.length() ? "end of line" : "\"" + line.charAt(i) + "\"";
    }

    private static int skipBlanks(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String line, int i) {
        while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
    }

    private static boolean isLabelChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || !first && c >= '0' && c <= '9';
    }

    private String unescapeHelp(String text) throws TextParseException {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case '\\' -> out.append('\\');
                    case 'n' -> out.append('\n');
                    default -> throw error("invalid escape sequence '\\" + next + "'");
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final class Builder {
        final String name;
        String help;
        MetricType type = MetricType.UNTYPED;
        boolean typed;
        final List<ParsedSample> samples = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }
    }
}
