package dev.vigil.hub.ui;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.hub.web.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The UI's own API under {@code /api/vigil/v1/}, for what the Prometheus and Alertmanager APIs do
 * not answer. Answers use Prometheus' envelope ({@code {"status":"success","data":...}}).
 */
public final class VigilApi {
    /** The URL prefix. */
    public static final String PREFIX = "/api/vigil/v1/";

    private final UiFacts facts;

    public VigilApi(UiFacts facts) {
        this.facts = facts;
    }

    public void routes(HttpRouting.Builder routing) {
        routing.get(PREFIX + "whoami", (req, res) -> {
            String authorization = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
            boolean admin = facts.roles().get().isAdmin(authorization);
            Json.success(res, g -> writeIdentity(g, authorization, admin, facts.roles().get().required()));
        });
        new OverviewApi(facts).routes(routing);
        new NotificationsApi(facts).routes(routing);
        new StorageApi(facts).routes(routing);
        new DiscoveryApi(facts).routes(routing);
    }

    private static void writeIdentity(JsonGenerator g, String authorization, boolean admin, boolean authRequired)
            throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("user", user(authorization));
        g.writeBooleanField("admin", admin);
        g.writeBooleanField("authRequired", authRequired);
        g.writeEndObject();
    }

    /** The basic-auth user name, "(bearer token)" for a token, "" without credentials; never the secret. */
    static String user(String authorization) {
        if (authorization == null) {
            return "";
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "(bearer token)";
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? decoded.substring(0, colon) : "";
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return "";
    }
}
