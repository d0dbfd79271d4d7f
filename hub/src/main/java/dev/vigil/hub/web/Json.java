package dev.vigil.hub.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes Prometheus API envelopes in its field order: {@code {"status":"success","data":...,
 * "warnings":[...]}} and {@code {"status":"error","errorType":"...","error":"..."}}.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** The data part of a response. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** An API call: returns the answer or throws {@link ApiError}. */
    @FunctionalInterface
    interface Call {
        Answer call(ApiRequest req) throws IOException;
    }

    /** What a call answers: data (null for 204 No Content) and warnings. */
    record Answer(Body data, List<String> warnings) {
        static Answer of(Body data) {
            return new Answer(data, List.of());
        }

        static Answer noContent() {
            return new Answer(null, List.of());
        }
    }

    /** A handler that reads the request's form, runs {@code call} and writes its envelope. */
    static Handler handler(Call call) {
        return (req, res) -> {
            Answer answer;
            try {
                answer = call.call(ApiRequest.of(req));
            } catch (ApiError e) {
                error(res, e);
                return;
            }
            if (answer.data() == null) {
                res.status(Status.NO_CONTENT_204).send();
            } else {
                success(res, answer.data(), answer.warnings());
            }
        };
    }

    public static void success(ServerResponse res, Body data) {
        success(res, data, List.of());
    }

    static void success(ServerResponse res, Body data, List<String> warnings) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", "success");
            g.writeFieldName("data");
            data.write(g);
            if (!warnings.isEmpty()) {
                g.writeArrayFieldStart("warnings");
                for (String w : warnings) {
                    g.writeString(w);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json").send(out.toString());
    }

    static void error(ServerResponse res, ApiError e) {
        error(res, ApiError.status(e.type()), e.type(), e.getMessage());
    }

    static void error(ServerResponse res, int status, String errorType, String message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", "error");
            g.writeStringField("errorType", errorType);
            g.writeStringField("error", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.status(Status.create(status)).header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(out.toString());
    }
}
