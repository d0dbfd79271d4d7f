package dev.vigil.hub.web;

import dev.vigil.alerting.rules.RuleContext;
import dev.vigil.alerting.rules.RuleManager;
import dev.vigil.alerting.rules.RuleQuery;
import dev.vigil.alerting.rules.TemplateExpander;
import dev.vigil.exporter.http.ExporterServer;
import dev.vigil.exporter.http.ListenAddress;
import dev.vigil.exporter.security.WebConfigSource;
import dev.vigil.hub.discovery.Announcements;
import dev.vigil.hub.scrape.HttpFetcher;
import dev.vigil.hub.scrape.ScrapeManager;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A hub API on a loopback port over a TSDB in a temporary directory, as HubMain wires it. */
final class ApiServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Tsdb tsdb;
    final ScrapeManager scrapes;
    final ExporterServer server;
    final String base;
    final RuleManager rules;

    ApiServer(Path dir, EngineOptions options, boolean admin, String webConfig) throws Exception {
        tsdb = Tsdb.open(dir.resolve("data"), TsdbOptions.DEFAULT);
        scrapes = new ScrapeManager(new HttpFetcher("test"), tsdb::appender);
        WebConfigSource web = webConfig == null ? WebConfigSource.none()
                : WebConfigSource.open(Files.writeString(dir.resolve("web.yml"), webConfig), Duration.ofSeconds(5),
                        Set.of(AdminRoles.KEY));
        AdminRoles roles = AdminRoles.from(web);
        HubApi api = new HubApi(scrapes, tsdb, () -> null, () -> true, "test", "test", new Announcements(),
                () -> web.current().requiresAuth());
        Engine engine = new Engine(options);
        rules = new RuleManager(RuleContext.of(new RuleQuery(engine, tsdb::querier), TemplateExpander.NONE,
                dev.vigil.model.Labels.EMPTY, "http://hub:9090"), tsdb::appender, (url, alerts) -> { }, () -> 0);
        api.rules(rules::groups);
        api.prometheusApi(new ApiSettings(engine, admin, () -> roles,
                Map.of("query.max-samples", String.valueOf(options.maxSamples()), "web.enable-admin-api", "" + admin),
                () -> ConfigYaml.redacted("scrape_configs:\n- job_name: x\n  basic_auth: {username: u, password: p}\n"),
                () -> new ApiSettings.Runtime(Instant.EPOCH, true, Instant.EPOCH, "15d"),
                new ApiSettings.Build("1.2.3", "abc", "main", "", "")));
        server = new ExporterServer(List.of(ListenAddress.parse("127.0.0.1:0")), web, "/metrics",
                (req, res) -> res.send(""), "hub", "hub", "test", api::routes);
        server.start();
        base = "http://127.0.0.1:" + server.ports().get(0);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        rules.close();
        server.close();
        scrapes.close();
        tsdb.close();
    }
}
