package dev.vigil.hub;

import dev.vigil.exporter.CollectorRegistry;
import dev.vigil.exporter.flags.Flag;
import dev.vigil.exporter.flags.FlagException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.http.ExporterServer;
import dev.vigil.exporter.http.ListenAddress;
import dev.vigil.exporter.http.MetricsHandlers;
import dev.vigil.exporter.log.Log;
import dev.vigil.exporter.log.Logging;
import dev.vigil.exporter.security.WebConfigSource;
import dev.vigil.exporter.self.BuildInfo;
import dev.vigil.exporter.self.ExporterMetrics;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.hub.config.ByteSize;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.model.PromDuration;
import dev.vigil.hub.discovery.Announcements;
import dev.vigil.hub.discovery.DiscoveryManager;
import dev.vigil.hub.remote.sender.RemoteWriteManager;
import dev.vigil.hub.scrape.HttpFetcher;
import dev.vigil.hub.scrape.ScrapeManager;
import dev.vigil.hub.cli.Cli;
import dev.vigil.hub.ui.OriginGuard;
import dev.vigil.hub.ui.RoleGuard;
import dev.vigil.hub.ui.UiFacts;
import dev.vigil.hub.ui.UiRoutes;
import dev.vigil.hub.ui.VigilApi;
import dev.vigil.hub.web.AdminRoles;
import dev.vigil.hub.web.ApiSettings;
import dev.vigil.hub.web.ExternalUrl;
import dev.vigil.hub.web.HubApi;
import dev.vigil.alerting.rules.RuleContext;
import dev.vigil.alerting.rules.RuleManager;
import dev.vigil.alerting.rules.RuleQuery;
import dev.vigil.alerting.rules.TemplateExpander;
import dev.vigil.hub.am.AmApi;
import dev.vigil.hub.am.HubAlertmanager;
import dev.vigil.hub.notifier.LocalAlertmanagerSink;
import dev.vigil.hub.notifier.Notifier;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import dev.vigil.storage.head.HeadOptions;
import dev.vigil.storage.wal.WalOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code vigil-hub}: Prometheus' flags, a prometheus.yml (or the embedded defaults: scrape itself
 * and a node exporter on localhost:9100), the TSDB under {@code --storage.tsdb.path}, scraping,
 * and the HTTP API on {@code --web.listen-address}. SIGHUP and {@code POST /-/reload} reload the
 * config; a bad one is logged with file, line and reason and the running one stays.
 */
public final class HubMain {
    private static final Log LOG = Log.get(HubMain.class);

    private HubMain() {
    }

    /** Logs what a {@link HeapTrimmer} run gave back. */
    static void logTrim(long committedBefore, long committedAfter, long millis) {
        LOG.info("Heap trimmed", "old_gen_before_mib", committedBefore >> 20, "old_gen_after_mib", committedAfter >> 20,
                "pause_ms", millis);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Cli.isSubcommand(args)) {
            return Cli.run(args, out, err); // check config|rules, query instant|range, test promql
        }
        FlagSet set = new FlagSet("vigil-hub", "The Vigil hub: scrapes, stores and serves metrics.");
        Flag<String> configFile = set.string("config.file",
                "Prometheus configuration file path. Empty: the embedded defaults (this hub and a node exporter on "
                        + "localhost:9100).", "");
        Flag<List<String>> listen = set.strings("web.listen-address",
                "Address to listen on for UI, API, and telemetry.", List.of(":9090"));
        Flag<String> webConfig = set.string("web.config.file",
                "Path to configuration file that can enable TLS or authentication (exporter-toolkit format).", "");
        Flag<String> externalUrl = set.string("web.external-url",
                "The URL under which the hub is externally reachable (for links in notifications).", "");
        Flag<String> tsdbPath = set.string("storage.tsdb.path", "Base path for metrics storage.", "data/");
        Flag<String> retentionTime = set.string("storage.tsdb.retention.time",
                "How long to retain samples in storage (Prometheus duration; 0 keeps them forever).", "15d");
        Flag<String> retentionSize = set.string("storage.tsdb.retention.size",
                "Maximum number of bytes of blocks to keep (units B, KB, MB, GB, TB, PB, EB; 0 disables).", "0");
        Flag<String> minBlockDuration = set.string("storage.tsdb.min-block-duration",
                "Minimum duration of a data block before being persisted (the head's chunk range). For use in "
                        + "testing.", "2h");
        Flag<String> lookback = set.string("query.lookback-delta",
                "The maximum lookback duration for retrieving metrics during expression evaluations.", "5m");
        Flag<String> queryTimeout = set.string("query.timeout",
                "Maximum time a query may take before being aborted.", "2m");
        Flag<Integer> queryMaxSamples = set.integer("query.max-samples",
                "Maximum number of samples a single query can load into memory. Note that queries will fail if "
                        + "they try to load more samples than this into memory, so this also limits the number of "
                        + "samples a query can return.", 50_000_000);
        Flag<Integer> queryMaxConcurrency = set.integer("query.max-concurrency",
                "Maximum number of queries executed concurrently.", 20);
        Flag<Boolean> enableAdminApi = set.bool("web.enable-admin-api",
                "Enable API endpoints for admin control actions (delete series, clean tombstones, snapshot); when "
                        + "the web config asks for credentials, only its admin identities may call them.", false);
        Flag<String> outageTolerance = set.string("rules.alert.for-outage-tolerance",
                "Max time to tolerate the hub's outage for restoring \"for\" state of alert.", "1h");
        Flag<String> forGracePeriod = set.string("rules.alert.for-grace-period",
                "Minimum duration between alert and restored \"for\" state. This is maintained only for alerts with "
                        + "configured \"for\" time greater than grace period.", "10m");
        Flag<String> resendDelay = set.string("rules.alert.resend-delay",
                "Minimum amount of time to wait before resending an alert to Alertmanager.", "1m");
        Flag<String> amConfigFile = set.string("alertmanager.config.file",
                "Configuration file (alertmanager.yml) of the built-in Alertmanager. When the default file is absent, "
                        + "an embedded config routes every alert to a receiver \"default\" that sends nowhere.",
                HubAlertmanager.DEFAULT_CONFIG_FILE);
        Flag<String> amStoragePath = set.string("alertmanager.storage.path",
                "Directory of the built-in Alertmanager's silences and notification log. Empty: "
                        + "<storage.tsdb.path>/alertmanager.", "");
        Flag<String> logLevel = set.choice("log.level", "Only log messages with the given severity or above.", "info",
                List.of("debug", "info", "warn", "error"));
        Flag<String> logFormat = set.choice("log.format", "Output format of log messages.", "logfmt",
                List.of("logfmt", "json"));
        try {
            set.parse(args);
        } catch (FlagException e) {
            err.println("vigil-hub: error: " + e.getMessage() + ", try --help");
            return 2;
        }
        BuildInfo build = BuildInfo.current();
        if (set.helpRequested()) {
            out.print(set.usage());
            return 0;
        }
        if (set.versionRequested()) {
            out.println(build.describe("vigil-hub"));
            return 0;
        }
        Logging.configure(logLevel.get(), logFormat.get(), err);
        LOG.info("Starting vigil-hub", "version", "(version=" + build.version() + ", revision=" + build.revision() + ")");

        List<ListenAddress> addresses = new ArrayList<>();
        TsdbOptions tsdbOptions;
        try {
            for (String address : listen.get()) {
                addresses.add(ListenAddress.parse(address));
            }
            long blockMillis = PromDuration.parse(minBlockDuration.get()).toMillis();
            if (blockMillis <= 0) {
                throw new IllegalArgumentException("--storage.tsdb.min-block-duration must be positive");
            }
            tsdbOptions = TsdbOptions.of(new HeadOptions(blockMillis, HeadOptions.DEFAULT.maxSamplesPerChunk()),
                    WalOptions.DEFAULT,
                    PromDuration.parse(retentionTime.get()).toMillis(), ByteSize.parse(retentionSize.get()));
            PromDuration.parse(lookback.get());
            PromDuration.parse(queryTimeout.get());
            PromDuration.parse(outageTolerance.get());
            PromDuration.parse(forGracePeriod.get());
            PromDuration.parse(resendDelay.get());
        } catch (IllegalArgumentException e) {
            err.println("vigil-hub: error: " + e.getMessage() + ", try --help");
            return 2;
        }
        int hubPort = addresses.get(0).port() == 0 ? 9090 : addresses.get(0).port();
        String externalURL;
        try {
            externalURL = ExternalUrl.compute(externalUrl.get(), hubPort);
        } catch (IllegalArgumentException e) {
            err.println("vigil-hub: error: " + e.getMessage() + ", try --help");
            return 2;
        }
        HubConfig config;
        try {
            config = configFile.get().isEmpty() ? ConfigLoader.defaults(hubPort) : ConfigLoader.load(Path.of(configFile.get()));
        } catch (ConfigException e) {
            LOG.error("Error loading config", "file", e.file(), "line", e.line(), "err", e.reason());
            return 1;
        }
        LOG.info("Loaded configuration", "file", config.source(), "jobs", config.scrapeConfigs().size());

        Path dataDir = Path.of(tsdbPath.get());
        Tsdb tsdb;
        try {
            LOG.info("Opening storage", "path", dataDir.toAbsolutePath());
            tsdb = Tsdb.open(dataDir, tsdbOptions);
        } catch (IOException | RuntimeException e) {
            LOG.error("Opening storage failed", "path", dataDir, "err", String.valueOf(e.getMessage()));
            return 1;
        }
        LOG.info("TSDB started", "head_series", tsdb.head().numSeries(), "blocks", tsdb.blocks().size(),
                "replayed_samples", tsdb.replayStats().samples(), "replay_ms", tsdb.replayStats().millis());

        Path amDataDir = amStoragePath.get().isEmpty() ? dataDir.resolve("alertmanager") : Path.of(amStoragePath.get());
        boolean amConfigRequired = !amConfigFile.get().equals(HubAlertmanager.DEFAULT_CONFIG_FILE);
        HubAlertmanager alertmanager;
        try {
            alertmanager = HubAlertmanager.start(amConfigFile.get(), amConfigRequired, amDataDir, externalURL);
        } catch (ConfigException e) {
            LOG.error("Error loading Alertmanager config", "file", e.file(), "line", e.line(), "err", e.reason());
            closeQuietly(tsdb);
            return 1;
        } catch (IOException | RuntimeException e) {
            LOG.error("Starting the built-in Alertmanager failed", "path", amDataDir, "err",
                    String.valueOf(e.getMessage()));
            closeQuietly(tsdb);
            return 1;
        }
        if (alertmanager.source().equals(amConfigFile.get())) {
            LOG.info("Loaded Alertmanager configuration", "file", alertmanager.source(), "storage", amDataDir);
        } else {
            LOG.info("No Alertmanager configuration file; running on the embedded defaults (receiver \"default\", "
                    + "no integrations)", "missing", amConfigFile.get(), "storage", amDataDir);
        }

        WebConfigSource web;
        AtomicReference<AdminRoles> adminRoles = new AtomicReference<>(AdminRoles.open());
        try {
            web = webConfig.get().isEmpty() ? WebConfigSource.none()
                    : WebConfigSource.open(Path.of(webConfig.get()), Duration.ofSeconds(5), Set.of(AdminRoles.KEY));
            adminRoles.set(AdminRoles.from(web));
        } catch (ConfigException e) {
            LOG.error("Invalid web config", "file", e.file(), "line", e.line(), "err", e.reason());
            alertmanager.close();
            closeQuietly(tsdb);
            return 1;
        }

        HttpFetcher fetcher = new HttpFetcher(build.version());
        ScrapeManager scrapes = new ScrapeManager(fetcher, tsdb::appender);
        Announcements announcements = new Announcements();
        DiscoveryManager discovery = new DiscoveryManager(scrapes::apply, tls -> {
            try {
                return fetcher.client(tls);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, announcements);
        Reloader reloader = new Reloader(configFile.get(), hubPort, discovery, config);
        RemoteWriteManager remoteWrite = new RemoteWriteManager(tsdb, build.version());
        reloader.alsoApply(remoteWrite::apply);
        boolean[] ready = {false};
        RuntimeFacts facts = new RuntimeFacts(configFile.get(), retentionTime.get(), retentionSize.get());
        HubApi api = new HubApi(scrapes, tsdb, () -> facts.reloaded(reloader.reload()), () -> ready[0], build.version(), build.revision(),
                announcements, () -> web.current().requiresAuth());
        long lookbackMillis = PromDuration.parse(lookback.get()).toMillis();
        api.federation(() -> lookbackMillis, () -> reloader.current().global().externalLabels());
        web.onChange((before, after) -> {
            try {
                adminRoles.set(AdminRoles.from(web));
            } catch (ConfigException e) {
                LOG.error("Invalid admin roles in the web config; keeping the running ones", "file", e.file(),
                        "line", e.line(), "err", e.reason());
            }
        });
        Engine engine = new Engine(EngineOptions.DEFAULTS
                .withTimeout(PromDuration.parse(queryTimeout.get()).toMillis())
                .withMaxSamples(queryMaxSamples.get())
                .withMaxConcurrent(queryMaxConcurrency.get())
                .withLookbackDelta(lookbackMillis)
                .withSubqueryStep(config.global().evaluationInterval().toMillis()));
        RuleContext ruleContext = new RuleContext(new RuleQuery(engine, tsdb::querier), TemplateExpander.PROMETHEUS,
                config.global().externalLabels(), externalURL, PromDuration.parse(resendDelay.get()).toMillis(),
                PromDuration.parse(outageTolerance.get()).toMillis(), PromDuration.parse(forGracePeriod.get()).toMillis());
        Notifier notifier = new Notifier(build.version());
        notifier.apply(config);
        reloader.alsoApply(notifier::apply);
        LocalAlertmanagerSink localAlerts = new LocalAlertmanagerSink(alertmanager.alertmanager()::receive);
        localAlerts.apply(config);
        reloader.alsoApply(localAlerts::apply);
        HubRules rules = new HubRules(new RuleManager(ruleContext, tsdb::appender, (url, alerts) -> {
            notifier.send(url, alerts);
            localAlerts.send(url, alerts);
        }, System::currentTimeMillis));
        String rulesProblem = rules.check(config);
        if (rulesProblem != null) {
            LOG.error("Error loading config", "err", rulesProblem);
            alertmanager.close();
            closeQuietly(tsdb);
            return 1;
        }
        reloader.alsoCheck(rules::check);
        reloader.alsoApply(rules::apply);
        reloader.alsoCheck(c -> alertmanager.check());
        reloader.alsoApply(c -> alertmanager.apply());
        api.alertmanagerApi(AmApi.of(alertmanager, AmApi.VersionInfo.hub(build.version(), build.revision(),
                build.branch()))::routes);
        api.rules(rules::groups);
        api.alertmanagers(notifier::alertmanagers);
        api.prometheusApi(new ApiSettings(engine, enableAdminApi.get(), adminRoles::get,
                RuntimeFacts.flags(List.of(configFile, listen, webConfig, externalUrl, tsdbPath, retentionTime,
                        retentionSize, minBlockDuration, lookback, queryTimeout, queryMaxSamples, queryMaxConcurrency, enableAdminApi,
                        outageTolerance, forGracePeriod, resendDelay, amConfigFile, amStoragePath, logLevel, logFormat)),
                facts::configYaml, facts::runtime, new ApiSettings.Build(build.version(), build.revision(),
                        build.branch(), "", "")));
        CollectorRegistry registry = new CollectorRegistry("vigil_hub", List.of(new HubCollector(tsdb, scrapes),
                remoteWrite.collector()));
        ExporterMetrics self = new ExporterMetrics("vigil_hub", build, true);
        OriginGuard originGuard = new OriginGuard();
        RoleGuard roleGuard = new RoleGuard(adminRoles::get);
        UiRoutes ui = UiRoutes.packaged();
        VigilApi vigilApi = new VigilApi(new UiFacts(scrapes, tsdb, dataDir, alertmanager, rules::groups,
                adminRoles::get, reloader::current));
        ExporterServer server = new ExporterServer(addresses, web, "/metrics",
                MetricsHandlers.create(registry, self, 40, Duration.ofSeconds(10)), "Vigil hub",
                "The Vigil hub's API and telemetry.", "(version=" + build.version() + ")", routing -> {
                    routing.addFilter(originGuard).addFilter(roleGuard);
                    ui.routes(routing);
                    vigilApi.routes(routing);
                    api.routes(routing);
                });
        try {
            server.start();
        } catch (RuntimeException e) {
            LOG.error("Cannot start the web server", "err", String.valueOf(e.getMessage()));
            server.close();
            alertmanager.close();
            closeQuietly(tsdb);
            return 1;
        }
        discovery.apply(config);
        remoteWrite.apply(config);
        rules.apply(config);
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("tsdb-housekeeping").factory());
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                tsdb.compact();
                tsdb.wal().sync();
            } catch (IOException | RuntimeException e) {
                LOG.error("Compaction failed", "err", String.valueOf(e.getMessage()));
            }
        }, 1, 1, TimeUnit.MINUTES);
        housekeeping.scheduleWithFixedDelay(new HeapTrimmer(), 3, 3, TimeUnit.MINUTES);
        Signals.onHangup(() -> facts.reloaded(reloader.reload()));
        ready[0] = true;
        LOG.info("Server is ready to receive web requests.", "listen", listen.get(), "external_url", externalURL);
        LOG.info("Alertmanager API v2 is served under /api/v2/", "listen", listen.get(), "config",
                alertmanager.source());
        LOG.info("Web UI is served", "url", externalURL + "/", "auth",
                web.current().requiresAuth() ? "web config (admin role: its admin section)" : "none");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Received shutdown; stopping scrapes, web server and storage");
            housekeeping.shutdownNow();
            discovery.close();
            scrapes.close();
            remoteWrite.close();
            server.close();
            notifier.close();
            alertmanager.close();
            registry.close();
            closeQuietly(tsdb);
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void closeQuietly(Tsdb tsdb) {
        try {
            tsdb.close();
        } catch (IOException e) {
            LOG.error("Closing storage failed", "err", e.getMessage());
        }
    }
}
