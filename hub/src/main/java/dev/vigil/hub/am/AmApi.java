package dev.vigil.hub.am;

import dev.vigil.alerting.am.Alertmanager;
import dev.vigil.alerting.am.config.Receiver;
import io.helidon.webserver.http.HttpRouting;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Alertmanager 0.25's HTTP API v2 under {@code /api/v2/} on the hub's listener (behind the same
 * web-config authentication as the rest): alerts, alert groups, silences, {@code status} and
 * {@code receivers}.
 */
public final class AmApi {
    private final Alertmanager am;
    private final Supplier<String> configOriginal;
    private final Instant uptime;
    private final VersionInfo version;

    /**
     * The Alertmanager version whose API this is. {@code versionInfo.version} says it, because
     * amtool warns on every command when its own version and the server's differ.
     */
    public static final String ALERTMANAGER_VERSION = "0.25.0";

    /** {@code versionInfo} in {@code /api/v2/status}. */
    public record VersionInfo(String branch, String buildDate, String buildUser, String goVersion, String revision,
                              String version) {
        /**
         * The hub's: {@link #ALERTMANAGER_VERSION} as the version, the hub's version and revision as
         * the revision, the Java runtime in place of Go's version.
         */
        public static VersionInfo hub(String hubVersion, String hubRevision, String hubBranch) {
            return new VersionInfo(hubBranch, "", "", dev.vigil.exporter.self.BuildInfo.javaVersion(),
                    "vigil-hub " + hubVersion + " (" + hubRevision + ")", ALERTMANAGER_VERSION);
        }
    }

    public AmApi(Alertmanager am, Supplier<String> configOriginal, Instant uptime, VersionInfo version) {
        this.am = am;
        this.configOriginal = configOriginal;
        this.uptime = uptime;
        this.version = version;
    }

    /** The API over the hub's Alertmanager. */
    public static AmApi of(HubAlertmanager hub, VersionInfo version) {
        return new AmApi(hub.alertmanager(), hub::configOriginal, hub.started(), version);
    }

    public void routes(HttpRouting.Builder routing) {
        new AlertsApi(am).routes(routing);
        new SilencesApi(am).routes(routing);
        routing.get("/api/v2/status", (req, res) -> AmHttp.ok(res, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("cluster");
            g.writeArrayFieldStart("peers");
            g.writeEndArray();
            g.writeStringField("status", "disabled");
            g.writeEndObject();
            g.writeObjectFieldStart("config");
            g.writeStringField("original", configOriginal.get());
            g.writeEndObject();
            g.writeStringField("uptime", AmTime.format(uptime));
            g.writeObjectFieldStart("versionInfo");
            g.writeStringField("branch", version.branch());
            g.writeStringField("buildDate", version.buildDate());
            g.writeStringField("buildUser", version.buildUser());
            g.writeStringField("goVersion", version.goVersion());
            g.writeStringField("revision", version.revision());
            g.writeStringField("version", version.version());
            g.writeEndObject();
            g.writeEndObject();
        }));
        routing.get("/api/v2/receivers", (req, res) -> AmHttp.ok(res, g -> {
            g.writeStartArray();
            for (Receiver r : am.config().receivers()) {
                AmJson.receiver(g, r.name());
            }
            g.writeEndArray();
        }));
    }
}
