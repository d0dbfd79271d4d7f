package dev.vigil.alerting.am;

import dev.vigil.alerting.am.alert.AlertStore;
import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.clock.Scheduler;
import dev.vigil.alerting.am.config.AlertmanagerConfig;
import dev.vigil.alerting.am.dispatch.Dispatcher;
import dev.vigil.alerting.am.inhibit.Inhibitor;
import dev.vigil.alerting.am.labels.LabelSets;
import dev.vigil.alerting.am.nflog.NotificationLog;
import dev.vigil.alerting.am.notify.Backoff;
import dev.vigil.alerting.am.notify.DeliveryLog;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.alerting.am.notify.MuteStage;
import dev.vigil.alerting.am.notify.NotifyContext;
import dev.vigil.alerting.am.notify.NotifyException;
import dev.vigil.alerting.am.notify.ReceiverPipeline;
import dev.vigil.alerting.am.notify.Stage;
import dev.vigil.alerting.am.notify.TimeIntervalStage;
import dev.vigil.alerting.am.route.Route;
import dev.vigil.alerting.am.silence.SilenceException;
import dev.vigil.alerting.am.silence.Silences;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.model.Labels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's Alertmanager: the alert store, silences and notification log (persisted under a data
 * directory), and, per loaded config, the route tree, inhibitor, receivers' pipelines and the
 * dispatcher. {@link #apply} swaps in a new config as Alertmanager's reload does.
 */
public final class Alertmanager implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Alertmanager.class.getName());
    /** Alertmanager's defaults: {@code --alerts.gc-interval}, {@code --data.retention}, maintenance. */
    static final Duration ALERT_GC_INTERVAL = Duration.ofMinutes(30);
    static final Duration RETENTION = Duration.ofHours(120);
    static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(15);
    /** How long a shutdown waits for notifications under way. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final Scheduler scheduler;
    private final IntegrationFactory integrations;
    private final String externalURL;
    private final AlertStore store = new AlertStore();
    private final Silences silences;
    private final NotificationLog nflog;
    private final DeliveryLog deliveries = new DeliveryLog();
    private final Supplier<Backoff> backoff;
    private final List<Scheduler.Timer> timers = new ArrayList<>();
    private volatile Loaded loaded;
    private volatile InhibitCache inhibitCache;
    private volatile Map<String, List<Integration>> integrationsByReceiver = Map.of();

    /** What one config gives. */
    private record Loaded(AlertmanagerConfig config, Route route, Inhibitor inhibitor, Dispatcher dispatcher,
                          Map<String, ReceiverPipeline> pipelines) {
    }

    private Alertmanager(Scheduler scheduler, IntegrationFactory integrations, String externalURL,
            Silences silences, NotificationLog nflog, Supplier<Backoff> backoff) {
        this.scheduler = scheduler;
        this.integrations = integrations;
        this.externalURL = externalURL;
        this.silences = silences;
        this.nflog = nflog;
        this.backoff = backoff;
    }

    /**
     * Opens the state in {@code dataDir} (null: memory only) and starts with {@code config}.
     *
     * @throws IOException when the silences or the notification log cannot be read
     */
    public static Alertmanager start(AlertmanagerConfig config, Path dataDir, Scheduler scheduler,
            IntegrationFactory integrations, String externalURL, Supplier<Backoff> backoff)
            throws IOException, ConfigException {
        Silences silences;
        try {
            silences = Silences.open(scheduler.clock(), RETENTION, dataDir == null ? null : dataDir.resolve("silences"));
        } catch (SilenceException e) {
            throw new IOException(e.getMessage(), e);
        }
        NotificationLog nflog = NotificationLog.open(dataDir == null ? null : dataDir.resolve("nflog"), RETENTION,
                scheduler.now());
        Alertmanager am = new Alertmanager(scheduler, integrations, externalURL, silences, nflog, backoff);
        am.apply(config);
        am.timers.add(scheduler.schedule(ALERT_GC_INTERVAL, am::gcAlerts));
        am.timers.add(scheduler.schedule(MAINTENANCE_INTERVAL, am::maintenance));
        return am;
    }

    /** Loads a new config: on failure the running one stays and the error says why. */
    public synchronized void apply(AlertmanagerConfig config) throws ConfigException {
        Map<String, List<Integration>> byReceiver = integrations.build(config);
        Route route = Route.tree(config);
        Inhibitor inhibitor = new Inhibitor(config.inhibitRules());
        Map<String, ReceiverPipeline> pipelines = new HashMap<>();
        for (var r : config.receivers()) {
            List<Stage> mutes = List.of(
                    new MuteStage(labels -> inhibitor.hasRules() && inhibitIndex(inhibitor).inhibitedBy(labels).isPresent()),
                    TimeIntervalStage.active(config.timeIntervals()),
                    TimeIntervalStage.mute(config.timeIntervals()),
                    new MuteStage(silences::mutes));
            pipelines.put(r.name(), new ReceiverPipeline(r.name(), mutes, byReceiver.getOrDefault(r.name(), List.of()),
                    nflog, scheduler, deliveries, backoff));
        }
        Dispatcher dispatcher = new Dispatcher(route, scheduler, (ctx, alerts) -> notify(pipelines, ctx, alerts));
        Loaded old = loaded;
        loaded = new Loaded(config, route, inhibitor, dispatcher, Map.copyOf(pipelines));
        integrationsByReceiver = Map.copyOf(byReceiver);
        if (old != null) {
            old.dispatcher().close();
        }
        dispatcher.start(store);
    }

    private static boolean notify(Map<String, ReceiverPipeline> pipelines, NotifyContext ctx, List<AmAlert> alerts) {
        ReceiverPipeline p = pipelines.get(ctx.receiver());
        if (p == null) {
            LOG.warning("no receiver named " + ctx.receiver());
            return false;
        }
        try {
            p.run(ctx, alerts);
            return true;
        } catch (NotifyException e) {
            LOG.log(Level.SEVERE, "Notify for alerts failed: " + alerts.size() + " alerts of " + ctx.groupKey() + ": "
                    + e.getMessage());
            return false;
        }
    }

    /** The firing alerts indexed for {@code inhibitor}, rebuilt when the alerts change or a second passes. */
    private Inhibitor.Index inhibitIndex(Inhibitor inhibitor) {
        Instant now = scheduler.now();
        long version = store.version();
        InhibitCache c = inhibitCache;
        if (c == null || c.inhibitor() != inhibitor || c.version() != version
                || c.second() != now.getEpochSecond()) {
            c = new InhibitCache(inhibitor, version, now.getEpochSecond(), inhibitor.index(firingLabels()));
            inhibitCache = c;
        }
        return c.index();
    }

    private record InhibitCache(Inhibitor inhibitor, long version, long second, Inhibitor.Index index) {
    }

    private List<Labels> firingLabels() {
        Instant now = scheduler.now();
        List<Labels> out = new ArrayList<>();
        for (AmAlert a : store.list()) {
            if (!a.resolvedAt(now)) {
                out.add(a.labels());
            }
        }
        return out;
    }

    /**
     * Receives alerts as API v2's {@code POST /api/v2/alerts} does: the update time is now; a missing
     * start is now (or the end, if given); a missing end is now plus {@code resolve_timeout}, marked
     * as a timeout; empty labels are dropped. Valid alerts are stored; the errors of the others are
     * returned (empty when all were valid).
     */
    public List<String> receive(List<AmAlert> in) {
        Instant now = scheduler.now();
        Duration resolveTimeout = loaded.config().global().resolveTimeout();
        List<AmAlert> valid = new ArrayList<>(in.size());
        List<String> errors = new ArrayList<>();
        for (AmAlert a : in) {
            Instant start = a.startsAt();
            Instant end = a.endsAt();
            boolean timeout = false;
            if (start.equals(AmAlert.ZERO)) {
                start = end.equals(AmAlert.ZERO) ? now : end;
            }
            if (end.equals(AmAlert.ZERO)) {
                timeout = true;
                end = now.plus(resolveTimeout);
            }
            Labels.Builder b = Labels.builder();
            for (int i = 0; i < a.labels().size(); i++) {
                if (!a.labels().value(i).isEmpty()) {
                    b.set(a.labels().name(i), a.labels().value(i));
                }
            }
            AmAlert alert = new AmAlert(b.build(), a.annotations(), start, end, a.generatorURL(), now, timeout);
            String problem = AlertValidation.validate(alert);
            if (problem == null) {
                valid.add(alert);
            } else {
                errors.add(problem);
            }
        }
        store.put(valid, now);
        return errors;
    }

    /** Whether and why an alert is muted now. */
    public AlertStatus status(Labels labels) {
        List<String> silencedBy = silences.mutedBy(labels);
        Inhibitor inhibitor = loaded.inhibitor();
        Optional<Labels> by = inhibitor.hasRules() ? inhibitIndex(inhibitor).inhibitedBy(labels) : Optional.empty();
        List<String> inhibitedBy = by.map(l -> List.of(LabelSets.fingerprintString(l))).orElse(List.of());
        boolean suppressed = !silencedBy.isEmpty() || !inhibitedBy.isEmpty();
        return new AlertStatus(suppressed ? "suppressed" : "active", silencedBy, inhibitedBy);
    }

    /** The receivers an alert with these labels is routed to, in route order. */
    public List<String> receivers(Labels labels) {
        return loaded.route().receivers(labels);
    }

    public AlertmanagerConfig config() {
        return loaded.config();
    }

    public Route route() {
        return loaded.route();
    }

    public Dispatcher dispatcher() {
        return loaded.dispatcher();
    }

    public AlertStore alerts() {
        return store;
    }

    public Silences silences() {
        return silences;
    }

    public NotificationLog notificationLog() {
        return nflog;
    }

    public DeliveryLog deliveries() {
        return deliveries;
    }

    /**
     * A receiver's integrations in the loaded config (empty for an unknown receiver or one without
     * any), to send through directly, e.g. a test notification that is neither routed nor deduplicated.
     */
    public List<Integration> integrations(String receiver) {
        return integrationsByReceiver.getOrDefault(receiver, List.of());
    }

    public String externalURL() {
        return externalURL;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    private void gcAlerts() {
        store.gc(scheduler.now());
        synchronized (this) {
            timers.add(scheduler.schedule(ALERT_GC_INTERVAL, this::gcAlerts));
        }
    }

    private void maintenance() {
        try {
            silences.gc();
        } catch (SilenceException e) {
            LOG.warning("silences maintenance failed: " + e.getMessage());
        }
        nflog.gc(scheduler.now());
        nflog.sync();
        synchronized (this) {
            timers.add(scheduler.schedule(MAINTENANCE_INTERVAL, this::maintenance));
        }
    }

    /**
     * Stops: notifications under way get up to {@link #SHUTDOWN_GRACE} to finish and be logged,
     * then the notification log is written.
     */
    @Override
    public synchronized void close() {
        timers.forEach(Scheduler.Timer::cancel);
        if (loaded != null) {
            try {
                if (!loaded.dispatcher().close(SHUTDOWN_GRACE)) {
                    LOG.warning("notifications still under way after " + SHUTDOWN_GRACE.toSeconds()
                            + "s at shutdown; they may be sent again after a restart");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nflog.close();
    }
}
