package dev.vigil.hub.am;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Requests and responses as Alertmanager's go-openapi server handles them: JSON answers end with
 * a newline (Go's {@code json.Encoder}); a handler's error is a JSON string; a request the
 * OpenAPI layer refuses gets {@code {"code":...,"message":"..."}} (no newline); query booleans
 * are true only for swag's true words.
 */
final class AmHttp {
    /** Request bodies over this size are refused with 413. */
    static final int MAX_BODY = 16 << 20;
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "ok", "y", "on", "selected", "checked", "t",
            "enabled");

    private AmHttp() {
    }

    /** A request refused before or while reading it: HTTP status, OpenAPI code and message. */
    static final class Refused extends Exception {
        final int status;
        final int code;

        Refused(int status, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    static void ok(ServerResponse res, GoJson.Body body) {
        json(res, 200, GoJson.write(body) + "\n");
    }

    /** A handler's error payload: the message as a JSON string. */
    static void error(ServerResponse res, int status, String message) {
        json(res, status, GoJson.string(message) + "\n");
    }

    static void refused(ServerResponse res, Refused r) {
        json(res, r.status, GoJson.write(g -> {
            g.writeStartObject();
            g.writeNumberField("code", r.code);
            g.writeStringField("message", r.getMessage());
            g.writeEndObject();
        }));
    }

    private static void json(ServerResponse res, int status, String body) {
        res.status(Status.create(status)).header(HeaderNames.CONTENT_TYPE, "application/json").send(body);
    }

    /**
     * The JSON body: a content type other than {@code application/json} is 415 and a body over
     * {@link #MAX_BODY} 413; an empty body is null ({@code what} in body is required).
     */
    static byte[] body(ServerRequest req) throws Refused {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.isEmpty() && !mediaType.equals("application/json")) {
            throw new Refused(415, 415, "unsupported media type " + GoJson.string(mediaType)
                    + ", only [application/json] are allowed");
        }
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new Refused(413, 413, "request body is larger than " + MAX_BODY + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw new Refused(400, 400, "reading body failed: " + e.getMessage());
        }
    }

    /** The URL query as Go's {@code url.ParseQuery} reads it. */
    static Map<String, List<String>> query(ServerRequest req) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = req.query().rawValue();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.computeIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), x -> new ArrayList<>())
                        .add(URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // Go drops a pair it cannot unescape
            }
        }
        return out;
    }

    /** A boolean query parameter: absent or empty gives the default; swag's true words are true. */
    static boolean bool(Map<String, List<String>> query, String name, boolean dflt) {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty() || v.get(0).isEmpty()) {
            return dflt;
        }
        return TRUE.contains(v.get(0).toLowerCase(Locale.ROOT));
    }

    static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }
}
