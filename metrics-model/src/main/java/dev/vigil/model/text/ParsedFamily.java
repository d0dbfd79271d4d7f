package dev.vigil.model.text;

import dev.vigil.model.MetricType;
import java.util.List;

/** One metric family of a parsed exposition; {@code help} is null when the text had no HELP line. */
public record ParsedFamily(String name, String help, MetricType type, List<ParsedSample> samples) {
}
