package dev.vigil.hub.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's parameters as Go's {@code r.Form} holds them: an
 * {@code application/x-www-form-urlencoded} body of a POST or PUT first, then the URL's query
 * (so {@link #value} prefers the body, as {@code r.FormValue} does), plus the path parameters.
 */
final class ApiRequest {
    /** Forms larger than this are refused (Go's ParseForm stops at 10 MiB). */
    private static final int MAX_FORM_BYTES = 10 << 20;

    private final Map<String, List<String>> form;
    private final ServerRequest request;

    private ApiRequest(Map<String, List<String>> form, ServerRequest request) {
        this.form = form;
        this.request = request;
    }

    static ApiRequest of(ServerRequest req) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        Method method = req.prologue().method();
        boolean formBody = req.headers().first(HeaderNames.CONTENT_TYPE)
                .map(ct -> ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
        if ((method == Method.POST || method == Method.PUT || method.text().equals("PATCH")) && formBody
                && req.content().hasEntity()) {
            try (InputStream in = req.content().inputStream()) {
                byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
                if (body.length > MAX_FORM_BYTES) {
                    throw ApiError.badData("error parsing form values: http: POST too large");
                }
                parse(new String(body, StandardCharsets.UTF_8), form);
            } catch (IOException e) {
                throw ApiError.badData("error parsing form values: " + e.getMessage());
            }
        }
        String query = req.query().rawValue();
        if (query != null && !query.isEmpty()) {
            parse(query, form);
        }
        return new ApiRequest(form, req);
    }

    /** For tests and the CLI: a form from text. */
    static Map<String, List<String>> parseForm(String text) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        parse(text, form);
        return form;
    }

    private static void parse(String text, Map<String, List<String>> form) {
        for (String pair : text.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                form.computeIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiError.badData("error parsing form values: invalid URL escape in \"" + pair + "\"");
            }
        }
    }

    /** The first value of {@code name}, or "" (Go's {@code FormValue}). */
    String value(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** Every value of {@code name}, body values first. */
    List<String> values(String name) {
        return form.getOrDefault(name, List.of());
    }

    Optional<String> pathParam(String name) {
        return request.path().pathParameters().first(name).asOptional();
    }

    /** The {@code Authorization} header, or null. */
    String authorization() {
        return request.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
    }
}
