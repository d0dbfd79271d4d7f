package dev.vigil.promql.script;

import dev.vigil.model.Labels;
import java.util.List;

/**
 * A series and its values in Prometheus' expanding notation, e.g.
 * {@code http_requests{job="api"} 0+10x5 _ stale 3x2}: one value per step of a load's interval
 * (or of a range eval's steps).
 */
public record SeriesDescription(Labels labels, List<SequenceValue> values) {
    public SeriesDescription {
        values = List.copyOf(values);
    }

    /**
     * Parses one description.
     *
     * @throws ScriptSyntaxException (line 0) when it does not parse
     */
    public static SeriesDescription parse(String text) throws ScriptSyntaxException {
        return new SeriesDescriptionParser(text).parse();
    }
}
