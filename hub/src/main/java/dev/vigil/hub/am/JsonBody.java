package dev.vigil.hub.am;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body read into plain values (maps, lists, strings, booleans, numbers; JSON null is
 * Java null), with Go's {@code encoding/json} words for what does not parse, so that API errors
 * read as Alertmanager's. A duplicate key keeps its last value, as in Go.
 */
final class JsonBody {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build()).build();

    private JsonBody() {
    }

    /** The problem with a body, in Go's words. */
    static final class BodyException extends Exception {
        BodyException(String message) {
            super(message, null, false, false);
        }
    }

    static Object parse(byte[] body) throws BodyException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BodyException("EOF");
            }
            Object value = read(p, t);
            if (p.nextToken() != null) {
                throw new BodyException("invalid character " + quoteChar(p.getText()) + " after top-level value");
            }
            return value;
        } catch (JsonParseException e) {
            throw new BodyException(goMessage(e));
        } catch (IOException e) {
            throw new BodyException(String.valueOf(e.getMessage()));
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    l.add(read(p, e));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
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
            default -> throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    /** Go's name for a JSON value's kind in "cannot unmarshal X into ...". */
    static String kind(Object v) {
        if (v instanceof Map<?, ?>) {
            return "object";
        }
        if (v instanceof List<?>) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        return "number";
    }

    /** {@code json: cannot unmarshal <kind> into <target>}. */
    static BodyException typeError(Object v, String target) {
        return new BodyException("json: cannot unmarshal " + kind(v) + " into " + target);
    }

    private static String goMessage(JsonParseException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Unexpected end-of-input")) {
            return "unexpected end of JSON input";
        }
        int i = m.indexOf("Unexpected character ('");
        if (i >= 0) {
            char c = m.charAt(i + "Unexpected character ('".length());
            return "invalid character '" + c + "' looking for beginning of value";
        }
        if (m.startsWith("Unrecognized token '")) {
            String tok = m.substring("Unrecognized token '".length());
            char c = tok.isEmpty() ? '?' : tok.charAt(0);
            return "invalid character '" + c + "' looking for beginning of value";
        }
        return m;
    }

    private static String quoteChar(String text) {
        return "'" + (text == null || text.isEmpty() ? "?" : text.substring(0, 1)) + "'";
    }
}
