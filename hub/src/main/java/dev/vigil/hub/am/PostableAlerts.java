package dev.vigil.hub.am;

import dev.vigil.alerting.am.alert.AmAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v2/alerts}' body, {@code PostableAlerts}, read as Alertmanager 0.25's
 * go-openapi server reads it: a body that does not decode is 400 ({@code parsing alerts body from
 * "" failed, because ...}); then the schema: {@code labels} required (422, code 602),
 * {@code generatorURL} a URI (422, code 601). What the alerts mean is checked later, by the core.
 */
final class PostableAlerts {
    private PostableAlerts() {
    }

    static List<AmAlert> read(byte[] body) throws AmHttp.Refused {
        if (body.length == 0) {
            throw new AmHttp.Refused(422, 602, "alerts in body is required");
        }
        List<Object> items;
        List<AmAlert> out = new ArrayList<>();
        List<Integer> missingLabels = new ArrayList<>();
        List<String> badUrls = new ArrayList<>();
        try {
            Object root = JsonBody.parse(body);
            if (root == null) {
                throw new AmHttp.Refused(422, 602, "alerts in body is required");
            }
            if (!(root instanceof List<?> list)) {
                throw JsonBody.typeError(root, "Go value of type models.PostableAlerts");
            }
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) list;
            items = l;
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (item == null) {
                    throw new AmHttp.Refused(422, 602, i + " in body is required");
                }
                if (!(item instanceof Map<?, ?> fields)) {
                    throw JsonBody.typeError(item, "Go value of type models.PostableAlert");
                }
                Map<String, String> labels = stringMap(fields.get("labels"), "labels");
                Map<String, String> annotations = stringMap(fields.get("annotations"), "annotations");
                Instant startsAt = time(fields.get("startsAt"), "startsAt");
                Instant endsAt = time(fields.get("endsAt"), "endsAt");
                String url = string(fields.get("generatorURL"), "generatorURL");
                if (labels == null) {
                    missingLabels.add(i);
                }
                if (!url.isEmpty() && !GoUrl.parses(url)) {
                    badUrls.add(i + ".generatorURL in body must be of type uri: " + GoJson.string(url));
                }
                out.add(new AmAlert(AlertsApi.labels(labels == null ? Map.of() : labels),
                        annotations == null ? Map.of() : annotations, startsAt, endsAt, url, null, false));
            }
        } catch (JsonBody.BodyException e) {
            throw new AmHttp.Refused(400, 400, "parsing alerts body from \"\" failed, because " + e.getMessage());
        }
        // go-openapi validates each alert's fields in name order: generatorURL before labels
        for (int i = 0; i < items.size(); i++) {
            String prefix = i + ".";
            for (String bad : badUrls) {
                if (bad.startsWith(prefix)) {
                    throw new AmHttp.Refused(422, 601, bad);
                }
            }
            if (missingLabels.contains(i)) {
                throw new AmHttp.Refused(422, 602, i + ".labels in body is required");
            }
        }
        return out;
    }

    private static Map<String, String> stringMap(Object v, String field) throws JsonBody.BodyException {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw JsonBody.typeError(v, "Go struct field PostableAlert." + field + " of type models.LabelSet");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object value = e.getValue();
            if (value != null && !(value instanceof String)) {
                throw JsonBody.typeError(value, "Go struct field PostableAlert." + field + " of type string");
            }
            out.put((String) e.getKey(), value == null ? "" : (String) value);
        }
        return out;
    }

    private static Instant time(Object v, String field) throws JsonBody.BodyException {
        if (v == null) {
            return AmAlert.ZERO;
        }
        if (!(v instanceof String s)) {
            throw JsonBody.typeError(v, "Go struct field PostableAlert." + field + " of type strfmt.DateTime");
        }
        try {
            return AmTime.parse(s);
        } catch (IllegalArgumentException e) {
            throw new JsonBody.BodyException(e.getMessage());
        }
    }

    private static String string(Object v, String field) throws JsonBody.BodyException {
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw JsonBody.typeError(v, "Go struct field PostableAlert." + field + " of type strfmt.URI");
        }
        return s;
    }
}
