package dev.vigil.model.text;

import java.util.List;

/**
 * One sample line: its name (which for summaries and histograms carries the {@code _sum}, {@code
 * _count} or {@code _bucket} suffix), labels in the order written, value and optional timestamp in
 * milliseconds ({@code null} when absent).
 */
public record ParsedSample(String name, List<String> labelNames, List<String> labelValues, double value, Long timestampMs) {

    public ParsedSample {
        labelNames = List.copyOf(labelNames);
        labelValues = List.copyOf(labelValues);
    }

    /** The value of a label, or null. */
    public String label(String labelName) {
        int index = labelNames.indexOf(labelName);
        return index < 0 ? null : labelValues.get(index);
    }
}
