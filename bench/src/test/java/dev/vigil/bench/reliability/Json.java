package dev.vigil.bench.reliability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON reading for the hub's API answers, over Jackson core's streaming parser. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** A JSON object. */
    record Obj(Map<String, Object> map) {
        Obj obj(String key) {
            return (Obj) map.get(key);
        }

        @SuppressWarnings("unchecked")
        List<Object> list(String key) {
            return (List<Object>) map.get(key);
        }

        String str(String key) {
            Object v = map.get(key);
            return v == null ? null : v.toString();
        }

        /** The object as a map of strings (a label set). */
        Map<String, String> strings() {
            Map<String, String> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, String.valueOf(v)));
            return out;
        }
    }

    static Obj parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            p.nextToken();
            return (Obj) value(p);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text.substring(0, Math.min(200, text.length())), e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return new Obj(map);
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }

    /** A vector result's samples as (labels, value). */
    static Map<Map<String, String>, Double> vector(Obj data) {
        Map<Map<String, String>, Double> out = new LinkedHashMap<>();
        for (Object o : data.list("result")) {
            Obj sample = (Obj) o;
            List<Object> value = sample.list("value");
            out.put(sample.obj("metric").strings(), Double.parseDouble((String) value.get(1)));
        }
        return out;
    }

    /** A matrix result's points per series: each point is {timestamp millis, value}. */
    static Map<Map<String, String>, List<double[]>> matrix(Obj data) {
        Map<Map<String, String>, List<double[]>> out = new LinkedHashMap<>();
        for (Object o : data.list("result")) {
            Obj series = (Obj) o;
            List<double[]> points = new ArrayList<>();
            for (Object v : series.list("values")) {
                List<?> pair = (List<?>) v;
                points.add(new double[] {Math.round((Double) pair.get(0) * 1000), Double.parseDouble((String) pair.get(1))});
            }
            out.put(series.obj("metric").strings(), points);
        }
        return out;
    }
}
