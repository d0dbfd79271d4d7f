package dev.vigil.hub.web;

import dev.vigil.alerting.rules.RuleGroup;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.model.PromDuration;
import dev.vigil.hub.discovery.Announcements;
import dev.vigil.hub.federate.FederateHandler;
import dev.vigil.hub.remote.RemoteWriteHandler;
import dev.vigil.hub.scrape.ScrapeLoop;
import dev.vigil.hub.scrape.ScrapeManager;
import dev.vigil.hub.scrape.TargetHealth;
import dev.vigil.model.Labels;
import dev.vigil.storage.Tsdb;
import dev.vigil.promql.engine.Queryable;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.List;
import java.util.function.Supplier;

/**
 * Routes: {@code /-/ready}, {@code POST|PUT /-/reload}, {@code /api/v1/targets}, the write,
 * announce and federation endpoints, and, once {@link #prometheusApi} is given its settings, the
 * rest of Prometheus' HTTP API v1 (query, series and labels, metadata, status, admin).
 */
public final class HubApi {
    private final ScrapeManager scrapes;
    private final Tsdb tsdb;
    private final Supplier<String> reload;
    private final BooleanSupplier ready;
    private final String version;
    private final String revision;

    /**
     * @param reload reloads the config; returns null on success, else the error to report
     */
    private final Announcements announcements;
    private final BooleanSupplier authConfigured;
    private LongSupplier lookbackMillis = () -> 300_000;
    private Supplier<Labels> externalLabels = () -> Labels.EMPTY;
    private ApiSettings settings;

    /** Serves the query, series, metadata, status and admin APIs with these settings. */
    public HubApi prometheusApi(ApiSettings settings) {
        this.settings = settings;
        return this;
    }

    private Supplier<List<RuleGroup>> ruleGroups = List::of;

    private Supplier<List<java.net.URI>> alertmanagers = List::of;

    /** The Alertmanagers alerts go to, for {@code /api/v1/alertmanagers}. */
    public HubApi alertmanagers(Supplier<List<java.net.URI>> urls) {
        this.alertmanagers = urls;
        return this;
    }

    private java.util.function.Consumer<HttpRouting.Builder> alertmanagerApi = routing -> { };

    /** The built-in Alertmanager's API v2 routes ({@code /api/v2/...}), served beside the rest. */
    public HubApi alertmanagerApi(java.util.function.Consumer<HttpRouting.Builder> routes) {
        this.alertmanagerApi = routes;
        return this;
    }

    /** The rule groups {@code /api/v1/rules} and {@code /api/v1/alerts} report. */
    public HubApi rules(Supplier<List<RuleGroup>> groups) {
        this.ruleGroups = groups;
        return this;
    }

    /** Federation's lookback window and external labels (defaults: 5 m, none). */
    public HubApi federation(LongSupplier lookback, Supplier<Labels> external) {
        this.lookbackMillis = lookback;
        this.externalLabels = external;
        return this;
    }

    public HubApi(ScrapeManager scrapes, Tsdb tsdb, Supplier<String> reload, BooleanSupplier ready, String version,
            String revision, Announcements announcements, BooleanSupplier authConfigured) {
        this.announcements = announcements;
        this.authConfigured = authConfigured;
        this.scrapes = scrapes;
        this.tsdb = tsdb;
        this.reload = reload;
        this.ready = ready;
        this.version = version;
        this.revision = revision;
    }

    public void routes(HttpRouting.Builder routing) {
        routing.get("/-/ready", (req, res) -> {
            if (ready.getAsBoolean()) {
                res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send("Vigil hub is Ready.\n");
            } else {
                res.status(Status.SERVICE_UNAVAILABLE_503)
                        .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                        .send("Service Unavailable\n");
            }
        });
        Handler reloadHandler = (req, res) -> {
            if (settings != null && !settings.roles().get().isAdmin(
                    req.headers().first(HeaderNames.AUTHORIZATION).orElse(null))) {
                res.status(Status.FORBIDDEN_403).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                        .send("reloading needs an admin identity (admin.users or admin.token_files in the hub's "
                                + "web config)\n");
                return;
            }
            String error = reload.get();
            if (error == null) {
                res.send();
            } else {
                res.status(Status.INTERNAL_SERVER_ERROR_500)
                        .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                        .send("failed to reload config: " + error + "\n");
            }
        };
        routing.post("/-/reload", reloadHandler);
        routing.put("/-/reload", reloadHandler);
        routing.post("/api/v1/write", new RemoteWriteHandler(tsdb::appender));
        routing.post("/api/v1/announce", new AnnounceHandler(announcements, authConfigured));
        routing.get("/federate", new FederateHandler(tsdb, () -> lookbackMillis.getAsLong(), () -> externalLabels.get()));
        routing.get("/api/v1/targets", (req, res) -> {
            String state = req.query().first("state").orElse("").toLowerCase(java.util.Locale.ROOT);
            boolean active = state.isEmpty() || state.equals("any") || state.equals("active");
            boolean dropped = state.isEmpty() || state.equals("any") || state.equals("dropped");
            Json.success(res, g -> targets(g, active, dropped));
        });
        alertmanagerApi.accept(routing);
        if (settings != null) {
            Queryable storage = tsdb::querier;
            new QueryApi(settings.engine(), storage, System::currentTimeMillis).routes(routing);
            new SeriesApi(storage).routes(routing);
            new MetadataApi(scrapes).routes(routing);
            new StatusApi(tsdb, settings.build(), settings.flags(), settings.configYaml(), settings.runtime(), alertmanagers)
                    .routes(routing);
            new AdminApi(tsdb, settings.adminEnabled(), settings.roles()).routes(routing);
            new RulesApi(ruleGroups).routes(routing);
        } else {
            routing.get("/api/v1/status/buildinfo", Json.handler(req -> Json.Answer.of(g -> {
                g.writeStartObject();
                g.writeStringField("version", version);
                g.writeStringField("revision", revision);
                g.writeEndObject();
            })));
        }
    }

    /**
     * Prometheus' {@code /api/v1/targets} shape: active targets, and those relabeling dropped;
     * {@code state} (active, dropped, any) leaves the other list empty as Prometheus does.
     */
    private void targets(JsonGenerator g, boolean active, boolean dropped) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("activeTargets");
        for (ScrapeLoop loop : active ? scrapes.loops() : List.<ScrapeLoop>of()) {
            TargetHealth health = loop.health();
            g.writeStartObject();
            labels(g, "discoveredLabels", loop.target().discoveredLabels());
            labels(g, "labels", loop.target().labels());
            g.writeStringField("scrapePool", loop.target().config().jobName());
            g.writeStringField("scrapeUrl", loop.target().url().toString());
            g.writeStringField("globalUrl", loop.target().url().toString());
            g.writeStringField("lastError", health.lastError() == null ? "" : health.lastError());
            g.writeStringField("lastScrape", DateTimeFormatter.ISO_INSTANT.format(health.lastScrape()));
            g.writeNumberField("lastScrapeDuration", health.lastScrapeDurationSeconds());
            g.writeStringField("health", health.health());
            g.writeStringField("scrapeInterval", PromDuration.format(loop.target().interval()));
            g.writeStringField("scrapeTimeout", PromDuration.format(loop.target().timeout()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("droppedTargets");
        for (var target : dropped ? scrapes.dropped() : List.<dev.vigil.hub.scrape.ScrapeTarget.Dropped>of()) {
            g.writeStartObject();
            labels(g, "discoveredLabels", target.discoveredLabels());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void labels(JsonGenerator g, String field, Labels labels) throws IOException {
        g.writeObjectFieldStart(field);
        for (int i = 0; i < labels.size(); i++) {
            g.writeStringField(labels.name(i), labels.value(i));
        }
        g.writeEndObject();
    }
}
