package dev.vigil.hub.web;

import dev.vigil.model.GoFloats;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.model.Labels;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.Series;
import dev.vigil.promql.value.StringValue;
import dev.vigil.promql.value.Value;
import dev.vigil.promql.value.Vector;
import java.io.IOException;

/**
 * Query results in Prometheus' JSON: {@code {"resultType":"vector","result":[{"metric":{...},
 * "value":[1435781451.781,"1"]}]}}. Sample times and values are written raw, spelled as Prometheus'
 * own encoders spell them ({@link GoFloat}): a vector's or matrix's point times keep three digits
 * of milliseconds, a scalar's or string's time is a plain float.
 */
final class ValueJson {
    private ValueJson() {
    }

    static void write(JsonGenerator g, Value value) throws IOException {
        g.writeStartObject();
        g.writeStringField("resultType", value.type().text());
        g.writeFieldName("result");
        switch (value) {
            case Vector v -> {
                g.writeStartArray();
                for (Sample s : v.samples()) {
                    g.writeStartObject();
                    labels(g, "metric", s.metric());
                    g.writeFieldName("value");
                    point(g, s.t(), s.v());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Matrix m -> {
                g.writeStartArray();
                for (Series s : m.series()) {
                    g.writeStartObject();
                    labels(g, "metric", s.metric());
                    g.writeArrayFieldStart("values");
                    long[] ts = s.timestamps();
                    double[] vs = s.values();
                    for (int i = 0; i < ts.length; i++) {
                        point(g, ts[i], vs[i]);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Scalar s -> {
                g.writeStartArray();
                g.writeRawValue(GoFloat.jsonSeconds(s.t()));
                g.writeString(GoFloats.formatF(s.v()));
                g.writeEndArray();
            }
            case StringValue s -> {
                g.writeStartArray();
                g.writeRawValue(GoFloat.jsonSeconds(s.t()));
                g.writeString(s.v());
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    private static void point(JsonGenerator g, long t, double v) throws IOException {
        g.writeStartArray();
        g.writeRawValue(GoFloat.sampleTime(t));
        g.writeString(GoFloat.sampleValue(v));
        g.writeEndArray();
    }

    static void labels(JsonGenerator g, String field, Labels labels) throws IOException {
        g.writeObjectFieldStart(field);
        labelPairs(g, labels);
        g.writeEndObject();
    }

    static void labelObject(JsonGenerator g, Labels labels) throws IOException {
        g.writeStartObject();
        labelPairs(g, labels);
        g.writeEndObject();
    }

    private static void labelPairs(JsonGenerator g, Labels labels) throws IOException {
        for (int i = 0; i < labels.size(); i++) {
            g.writeStringField(labels.name(i), labels.value(i));
        }
    }
}
