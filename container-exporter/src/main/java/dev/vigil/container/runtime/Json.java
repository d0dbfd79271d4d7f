package dev.vigil.container.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.container.runtime.RuntimeApiException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON (Jackson's streaming parser) into plain values: {@code Map<String,Object>},
 * {@code List<Object>}, {@code String}, {@code Long}/{@code Double}, {@code Boolean}, {@code null};
 * plus typed lookups along a path that answer "absent" for a missing or mistyped field.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    static Object read(byte[] json) throws RuntimeApiException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RuntimeApiException(Kind.BAD_JSON, "empty JSON document");
            }
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw new RuntimeApiException(Kind.BAD_JSON, "trailing content after the JSON value");
            }
            return value;
        } catch (RuntimeApiException e) {
            throw e;
        } catch (IOException e) {
            throw new RuntimeApiException(Kind.BAD_JSON, "bad JSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getDoubleValue()
                        : parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
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
            default -> throw new IOException("unexpected token " + parser.currentToken());
        }
    }

    static Optional<Object> at(Object root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(key);
        }
        return Optional.ofNullable(node);
    }

    static Optional<String> string(Object root, String... path) {
        return at(root, path).filter(String.class::isInstance).map(String.class::cast);
    }

    static Optional<Long> number(Object root, String... path) {
        return at(root, path).filter(Number.class::isInstance).map(n -> ((Number) n).longValue());
    }

    /** A JSON object of string values (labels, annotations); non-string values are skipped. */
    static Map<String, String> stringMap(Object root, String... path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (at(root, path).orElse(null) instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() instanceof String value) {
                    out.put(String.valueOf(entry.getKey()), value);
                }
            }
        }
        return out;
    }

    static List<Object> list(Object root, String... path) {
        return at(root, path).orElse(null) instanceof List<?> list ? List.copyOf(nonNull(list)) : List.of();
    }

    private static List<Object> nonNull(List<?> list) {
        List<Object> out = new ArrayList<>();
        for (Object o : list) {
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }
}
