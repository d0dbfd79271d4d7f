package dev.vigil.promql.value;

import dev.vigil.model.Labels;

/** One element of an instant vector: a series' labels and its value at time {@code t} (ms). */
public record Sample(Labels metric, long t, double v) {
}
