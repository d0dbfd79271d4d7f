package dev.vigil.hub.discovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes API objects as plain trees (maps, lists, strings, numbers, booleans), read with
 * Jackson's streaming parser, and null-safe accessors over them: a missing field reads as an
 * empty string, list or map, the way Go's zero values do in Prometheus' code.
 */
final class KubernetesJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private KubernetesJson() {
    }

    /** Parses one JSON document (an object, as the API returns). */
    static Map<String, Object> parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            return object(p);
        }
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, value(p));
        }
        return out;
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("unexpected end of JSON");
        }
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + t);
        };
    }

    /** The value at {@code path} below {@code node}, or null. */
    static Object get(Object node, String... path) {
        Object at = node;
        for (String key : path) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(key);
        }
        return at;
    }

    /** A string field ("" when missing); numbers are written in decimal, as Go formats ints. */
    static String str(Object node, String... path) {
        Object v = get(node, path);
        if (v == null) {
            return "";
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }

    /** A map field (empty when missing). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        return get(node, path) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A list field (empty when missing). */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        return get(node, path) instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** True only for a JSON {@code true}. */
    static boolean bool(Object node, String... path) {
        return Boolean.TRUE.equals(get(node, path));
    }

    /** {@code metadata.namespace/metadata.name}, the key Kubernetes' client caches use. */
    static String key(Object object) {
        String ns = str(object, "metadata", "namespace");
        String name = str(object, "metadata", "name");
        return ns.isEmpty() ? name : ns + "/" + name;
    }
}
