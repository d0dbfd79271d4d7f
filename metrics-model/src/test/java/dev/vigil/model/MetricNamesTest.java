package dev.vigil.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricNamesTest {

    @ParameterizedTest
    @CsvSource({
        "node_cpu_seconds_total, true, true",
        "job:up:sum, true, false",
        "_hidden, true, true",
        "__name__, true, true",
        "9lives, false, false",
        "a9, true, true",
        "with-dash, false, false",
        "dotted.name, false, false",
        "ümlaut, false, false",
        "'', false, false",
    })
    void classicNamingRules(String name, boolean validMetric, boolean validLabel) {
        assertEquals(validMetric, MetricNames.isValidMetricName(name), "metric name " + name);
        assertEquals(validLabel, MetricNames.isValidLabelName(name), "label name " + name);
    }

    @ParameterizedTest
    @CsvSource({"__name__, true", "_x, false", "x__, false", "__, true"})
    void reservedLabelNames(String name, boolean reserved) {
        assertEquals(reserved, MetricNames.isReservedLabelName(name));
    }

    @ParameterizedTest
    @CsvSource({"counter, COUNTER", "untyped, UNTYPED", "unknown, UNTYPED", "histogram, HISTOGRAM"})
    void parsesTypeWordsOfBothFormats(String word, MetricType expected) {
        assertEquals(expected, MetricType.parse(word));
    }

    @org.junit.jupiter.api.Test
    void rejectsBadNamesWithTheName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MetricNames.requireMetricName("a-b"));
        assertEquals("invalid metric name \"a-b\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricType.parse("gaugey"));
    }
}
