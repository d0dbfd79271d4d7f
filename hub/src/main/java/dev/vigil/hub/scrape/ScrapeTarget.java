package dev.vigil.hub.scrape;

import dev.vigil.hub.config.HubConfig;
import dev.vigil.model.PromDuration;
import dev.vigil.hub.relabel.Relabeler;
import dev.vigil.model.Labels;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One target: the labels its series get, the labels it was discovered with, the URL, the scrape
 * config it belongs to, and its interval and timeout (the config's, unless relabeling changed
 * {@code __scrape_interval__} or {@code __scrape_timeout__}).
 */
public record ScrapeTarget(Labels labels, Labels discoveredLabels, URI url, HubConfig.ScrapeConfig config,
        Duration interval, Duration timeout) {
    private static final Logger LOG = Logger.getLogger(ScrapeTarget.class.getName());

    /** A target relabeling dropped, kept for the API's droppedTargets. */
    public record Dropped(Labels discoveredLabels, String job) {
    }

    /** The outcome of turning a scrape config's groups into targets. */
    public record Targets(List<ScrapeTarget> active, List<Dropped> dropped) {
    }

    /**
     * The targets of a scrape config's static groups, as Prometheus makes them: discovered labels
     * ({@code __address__}, {@code __scheme__}, {@code __metrics_path__}, {@code __param_*},
     * {@code __scrape_interval__}, {@code __scrape_timeout__}, {@code job} and the group's labels),
     * then relabel_configs (which may drop the target), then {@code instance} defaulting to the
     * address, then every {@code __}-prefixed label removed.
     */
    public static Targets of(HubConfig.ScrapeConfig config) {
        return of(config, List.of());
    }

    /** The targets of a scrape config's static groups followed by {@code discovered} ones. */
    public static Targets of(HubConfig.ScrapeConfig config, List<HubConfig.TargetGroup> fromDiscovery) {
        List<ScrapeTarget> active = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        List<HubConfig.TargetGroup> groups = new ArrayList<>(config.staticConfigs());
        groups.addAll(fromDiscovery);
        for (HubConfig.TargetGroup group : groups) {
            for (String address : group.targets()) {
                Labels.Builder discovered = Labels.builder();
                group.labels().forEach(discovered::set);
                discovered.set("__address__", address);
                // The config's values are defaults: a group (file_sd, an announcing exporter) may set them.
                setIfAbsent(discovered, "job", config.jobName());
                setIfAbsent(discovered, "__scheme__", config.scheme());
                setIfAbsent(discovered, "__metrics_path__", config.metricsPath());
                setIfAbsent(discovered, "__scrape_interval__", PromDuration.format(config.scrapeInterval()));
                setIfAbsent(discovered, "__scrape_timeout__", PromDuration.format(config.scrapeTimeout()));
                for (Map.Entry<String, List<String>> param : config.params().entrySet()) {
                    if (!param.getValue().isEmpty()) {
                        setIfAbsent(discovered, "__param_" + param.getKey(), param.getValue().get(0));
                    }
                }
                Labels before = discovered.build();
                Labels after = Relabeler.apply(before, config.relabelConfigs());
                if (after == null || after.get("__address__").isEmpty()) {
                    dropped.add(new Dropped(before, config.jobName()));
                    continue;
                }
                if (after.get("__address__").contains("/")) {
                    // Prometheus refuses such a target ("is not a valid hostname") and scrapes nothing
                    LOG.warning(() -> "creating target failed: \"" + after.get("__address__")
                            + "\" is not a valid hostname (job " + config.jobName() + ")");
                    dropped.add(new Dropped(before, config.jobName()));
                    continue;
                }
                Duration interval;
                Duration timeout;
                try {
                    interval = timing(after, "__scrape_interval__", "interval");
                    timeout = timing(after, "__scrape_timeout__", "timeout");
                    if (timeout.compareTo(interval) > 0) {
                        throw new IllegalArgumentException("scrape timeout cannot be greater than scrape interval (\""
                                + after.get("__scrape_timeout__") + "\" > \"" + after.get("__scrape_interval__") + "\")");
                    }
                } catch (IllegalArgumentException e) {
                    // as Prometheus: the target is not created, and the reason is logged
                    LOG.warning(() -> "creating target failed: " + e.getMessage() + " (job " + config.jobName() + ", "
                            + after.get("__address__") + ")");
                    continue;
                }
                URI url = url(after, config);
                Labels.Builder labels = Labels.builder();
                for (int i = 0; i < after.size(); i++) {
                    if (!after.name(i).startsWith("__")) {
                        labels.set(after.name(i), after.value(i));
                    }
                }
                if (labels.get("instance").isEmpty()) {
                    labels.set("instance", after.get("__address__"));
                }
                active.add(new ScrapeTarget(labels.build(), before, url, config, interval, timeout));
            }
        }
        return new Targets(List.copyOf(active), List.copyOf(dropped));
    }

    /** A relabeled interval or timeout label as a duration, with Prometheus' errors. */
    private static Duration timing(Labels labels, String label, String what) {
        Duration d;
        try {
            d = PromDuration.parse(labels.get(label));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("error parsing scrape " + what + ": " + e.getMessage(), e);
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("scrape " + what + " cannot be 0");
        }
        return d;
    }

    private static void setIfAbsent(Labels.Builder builder, String name, String value) {
        if (builder.get(name).isEmpty()) {
            builder.set(name, value);
        }
    }

    /** The URL from the relabeled {@code __scheme__}, {@code __address__}, {@code __metrics_path__} and {@code __param_*}. */
    private static URI url(Labels labels, HubConfig.ScrapeConfig config) {
        StringBuilder url = new StringBuilder(labels.get("__scheme__")).append("://").append(labels.get("__address__"))
                .append(labels.get("__metrics_path__"));
        char sep = '?';
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.name(i);
            if (name.startsWith("__param_")) {
                String key = name.substring("__param_".length());
                List<String> values = config.params().getOrDefault(key, List.of());
                // the first value comes from the (possibly relabeled) label, the rest from the config
                url.append(sep).append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(labels.value(i), StandardCharsets.UTF_8));
                sep = '&';
                for (int v = 1; v < values.size(); v++) {
                    url.append('&').append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(values.get(v), StandardCharsets.UTF_8));
                }
            }
        }
        return URI.create(url.toString());
    }

    /** Identity across reloads: same labels, URL and scrape settings mean the same loop. */
    public String key() {
        return config.jobName() + " " + url + " " + labels + " " + interval + " " + timeout
                + " " + config.honorLabels() + " " + config.honorTimestamps() + " " + config.sampleLimit() + " "
                + config.metricRelabelConfigs();
    }
}
