package dev.vigil.hub.ui;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.hub.web.AdminRoles;
import dev.vigil.hub.web.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;

/**
 * The UI's own API under {@code /api/vigil/v1/}, for what the Prometheus and Alertmanager APIs do
 * not answer. Answers use Prometheus' envelope ({@code {"status":"success","data":...}}).
 */
public final class VigilApi {
    /** The URL prefix. */
    public static final String PREFIX = "/api/vigil/v1/";

    private final UiFacts facts;
    private final OverviewApi overview;
    private final NotificationsApi notifications;
    private final StorageApi storage;
    private final DiscoveryApi discovery;

    /** Built once, so every listener shares the same state (the overview's ingest-rate readings). */
    public VigilApi(UiFacts facts) {
        this.facts = facts;
        this.overview = new OverviewApi(facts);
        this.notifications = new NotificationsApi(facts);
        this.storage = new StorageApi(facts);
        this.discovery = new DiscoveryApi(facts);
    }

    public void routes(HttpRouting.Builder routing) {
        routing.get(PREFIX + "whoami", (req, res) -> {
            String authorization = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
            boolean admin = facts.roles().get().isAdmin(authorization);
            Json.success(res, g -> writeIdentity(g, authorization, admin, facts.roles().get().required()));
        });
        overview.routes(routing);
        notifications.routes(routing);
        storage.routes(routing);
        discovery.routes(routing);
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
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "(bearer token)";
        }
        return AdminRoles.basicUser(authorization).orElse("");
    }
}
