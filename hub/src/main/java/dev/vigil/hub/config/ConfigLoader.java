package dev.vigil.hub.config;

import dev.vigil.model.PromDuration;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.exporter.yaml.YamlMap;
import dev.vigil.hub.relabel.RelabelConfig;
import dev.vigil.model.Labels;
import dev.vigil.model.MetricNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads prometheus.yml strictly: unknown keys, wrong types, bad durations, duplicate job names and
 * a scrape timeout above the interval are errors with the file and line. Keys Prometheus knows but
 * this hub does not implement yet are refused by name rather than silently ignored, so a config
 * never means less than it says.
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("global", "scrape_configs", "rule_files", "alerting",
            "remote_write", "remote_read", "storage", "tracing", "scrape_config_files");
    private static final Set<String> TOP_LATER = Set.of("remote_read",
            "storage", "tracing", "scrape_config_files");
    private static final Set<String> GLOBAL = Set.of("scrape_interval", "scrape_timeout", "evaluation_interval",
            "external_labels", "query_log_file", "body_size_limit", "sample_limit", "label_limit",
            "label_name_length_limit", "label_value_length_limit", "target_limit");
    private static final Set<String> GLOBAL_LATER = Set.of("query_log_file");
    private static final Set<String> SCRAPE = Set.of("job_name", "scrape_interval", "scrape_timeout",
            "metrics_path", "scheme", "honor_labels", "honor_timestamps", "params", "sample_limit",
            "static_configs", "relabel_configs", "metric_relabel_configs", "basic_auth", "authorization",
            "tls_config", "bearer_token", "bearer_token_file", "proxy_url", "follow_redirects", "enable_http2",
            "label_limit", "label_name_length_limit", "label_value_length_limit", "target_limit",
            "body_size_limit", "file_sd_configs", "http_sd_configs", "dns_sd_configs", "kubernetes_sd_configs",
            "oauth2", "scrape_classic_histograms", "track_timestamps_staleness", "vigil_sd_configs");
    private static final Set<String> SCRAPE_SUPPORTED = Set.of("job_name", "scrape_interval", "scrape_timeout",
            "metrics_path", "scheme", "honor_labels", "honor_timestamps", "params", "sample_limit",
            "static_configs", "relabel_configs", "metric_relabel_configs", "basic_auth", "authorization",
            "tls_config", "bearer_token", "bearer_token_file", "label_limit", "label_name_length_limit",
            "label_value_length_limit", "target_limit", "body_size_limit", "file_sd_configs", "http_sd_configs", "vigil_sd_configs", "dns_sd_configs",
            "kubernetes_sd_configs");
    private static final Set<String> RELABEL = Set.of("source_labels", "separator", "regex", "modulus",
            "target_label", "replacement", "action");

    private ConfigLoader() {
    }

    /**
     * Loads a config file.
     *
     * @throws ConfigException naming file, line and reason
     */
    public static HubConfig load(Path file) throws ConfigException {
        Optional<YamlMap> root = YamlFiles.read(file);
        return parse(root, file.toString(), file.toAbsolutePath().getParent());
    }

    /** Parses config text (for the embedded defaults and tests). */
    public static HubConfig parse(String name, String text) throws ConfigException {
        return parse(YamlFiles.parse(name, text), name, null);
    }

    private static HubConfig parse(Optional<YamlMap> maybeRoot, String source, Path base) throws ConfigException {
        if (maybeRoot.isEmpty()) {
            return new HubConfig(HubConfig.Global.DEFAULT, List.of(), source);
        }
        YamlMap root = maybeRoot.get().only(TOP);
        for (String key : root.keys()) {
            if (TOP_LATER.contains(key) && root.has(key)) {
                throw root.error(key, "\"" + key + "\" is not supported by this version of vigil-hub yet");
            }
        }
        HubConfig.Global global = global(root.map("global"));
        List<HubConfig.ScrapeConfig> scrapes = new ArrayList<>();
        Set<String> jobs = new HashSet<>();
        for (YamlMap scrape : root.maps("scrape_configs")) {
            HubConfig.ScrapeConfig config = scrape(scrape.only(SCRAPE), global, base);
            if (!jobs.add(config.jobName())) {
                throw scrape.error("job_name", "found multiple scrape configs with job name \"" + config.jobName() + "\"");
            }
            scrapes.add(config);
        }
        List<String> ruleFiles = new ArrayList<>();
        for (String pattern : root.strings("rule_files")) {
            if (pattern.isEmpty()) {
                throw root.error("rule_files", "invalid rule file path \"\"");
            }
            // Relative to the config file, as Prometheus resolves them.
            ruleFiles.add(base == null ? pattern : base.resolve(pattern).toString());
        }
        return new HubConfig(global, List.copyOf(scrapes), source,
                RemoteWriteConfigLoader.load(root.maps("remote_write"), base), List.copyOf(ruleFiles),
                AlertingConfigLoader.load(root.map("alerting"), base));
    }

    private static HubConfig.Global global(Optional<YamlMap> maybe) throws ConfigException {
        if (maybe.isEmpty()) {
            return HubConfig.Global.DEFAULT;
        }
        YamlMap g = maybe.get().only(GLOBAL);
        for (String key : GLOBAL_LATER) {
            if (g.has(key)) {
                throw g.error(key, "\"" + key + "\" is not supported by this version of vigil-hub yet");
            }
        }
        Duration interval = duration(g, "scrape_interval", HubConfig.Global.DEFAULT.scrapeInterval());
        Duration timeout = duration(g, "scrape_timeout", HubConfig.Global.DEFAULT.scrapeTimeout());
        if (!g.has("scrape_timeout") && timeout.compareTo(interval) > 0) {
            timeout = interval; // Prometheus: the default timeout never exceeds the interval
        }
        if (timeout.compareTo(interval) > 0) {
            throw g.error("scrape_timeout", "global scrape timeout greater than scrape interval");
        }
        Duration evaluation = duration(g, "evaluation_interval", HubConfig.Global.DEFAULT.evaluationInterval());
        Labels.Builder external = Labels.builder();
        for (Map.Entry<String, String> e : g.stringMap("external_labels").entrySet()) {
            if (!MetricNames.isValidLabelName(e.getKey())) {
                throw g.error("external_labels", "\"" + e.getKey() + "\" is not a valid label name");
            }
            external.set(e.getKey(), e.getValue());
        }
        return new HubConfig.Global(interval, timeout, evaluation, external.build(),
                g.integer("sample_limit").orElse(0L), limits(g, HubConfig.Limits.NONE));
    }

    private static HubConfig.ScrapeConfig scrape(YamlMap s, HubConfig.Global global, Path base) throws ConfigException {
        for (String key : s.keys()) {
            if (!SCRAPE_SUPPORTED.contains(key) && s.has(key)) {
                throw s.error(key, "\"" + key + "\" is not supported by this version of vigil-hub yet");
            }
        }
        String job = s.string("job_name").orElseThrow(() -> s.error("job_name", "job_name is empty"));
        if (job.isEmpty()) {
            throw s.error("job_name", "job_name is empty");
        }
        Duration interval = duration(s, "scrape_interval", global.scrapeInterval());
        Duration timeout = duration(s, "scrape_timeout", global.scrapeTimeout());
        if (!s.has("scrape_timeout") && timeout.compareTo(interval) > 0) {
            timeout = interval;
        }
        if (timeout.compareTo(interval) > 0) {
            throw s.error("scrape_timeout", "scrape timeout greater than scrape interval for scrape config with job name \""
                    + job + "\"");
        }
        String path = s.string("metrics_path", "/metrics");
        if (!path.startsWith("/")) {
            throw s.error("metrics_path", "metrics_path must start with /: \"" + path + "\"");
        }
        String scheme = s.string("scheme", "http");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw s.error("scheme", "invalid scheme \"" + scheme + "\": must be http or https");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        Optional<YamlMap> paramMap = s.map("params");
        if (paramMap.isPresent()) {
            for (String key : paramMap.get().keys()) {
                params.put(key, paramMap.get().strings(key));
            }
        }
        List<HubConfig.TargetGroup> groups = new ArrayList<>();
        for (YamlMap group : s.maps("static_configs")) {
            group.only(Set.of("targets", "labels"));
            List<String> targets = group.strings("targets");
            Map<String, String> labels = group.stringMap("labels");
            for (String name : labels.keySet()) {
                if (!MetricNames.isValidLabelName(name)) {
                    throw group.error("labels", "\"" + name + "\" is not a valid label name");
                }
            }
            groups.add(new HubConfig.TargetGroup(List.copyOf(targets), Map.copyOf(labels)));
        }
        return new HubConfig.ScrapeConfig(job, interval, timeout, path, scheme,
                s.bool("honor_labels").orElse(false), s.bool("honor_timestamps").orElse(true), Map.copyOf(params),
                s.integer("sample_limit").orElse(global.sampleLimit()), List.copyOf(groups), relabels(s, "relabel_configs"),
                relabels(s, "metric_relabel_configs"), HttpClientConfigLoader.load(s, base), limits(s, global.limits()),
                fileSd(s, base), httpSd(s, base), vigilSd(s), dnsSd(s),
                KubernetesSdConfigLoader.load(s, base));
    }

    private static List<HubConfig.FileSdConfig> fileSd(YamlMap scrape, Path base) throws ConfigException {
        List<HubConfig.FileSdConfig> out = new ArrayList<>();
        for (YamlMap f : scrape.maps("file_sd_configs")) {
            f.only(Set.of("files", "refresh_interval"));
            List<String> files = new ArrayList<>();
            for (String pattern : f.strings("files")) {
                if (!pattern.matches(".*\\.(json|ya?ml)$")) {
                    throw f.error("files", "path name \"" + pattern + "\" is not valid for file discovery");
                }
                Path p = Path.of(pattern);
                files.add((p.isAbsolute() || base == null ? p : base.resolve(p)).toString());
            }
            if (files.isEmpty()) {
                throw f.error("files", "file service discovery config must contain at least one path name");
            }
            out.add(new HubConfig.FileSdConfig(List.copyOf(files), duration(f, "refresh_interval", Duration.ofMinutes(5))));
        }
        return List.copyOf(out);
    }

    private static List<HubConfig.DnsSdConfig> dnsSd(YamlMap scrape) throws ConfigException {
        List<HubConfig.DnsSdConfig> out = new ArrayList<>();
        for (YamlMap d : scrape.maps("dns_sd_configs")) {
            d.only(Set.of("names", "type", "port", "refresh_interval"));
            List<String> names = d.strings("names");
            if (names.isEmpty()) {
                throw d.error("names", "DNS-SD config must contain at least one SRV record name");
            }
            String type = d.string("type", "SRV").toUpperCase(java.util.Locale.ROOT);
            if (!Set.of("SRV", "A", "AAAA", "MX").contains(type)) {
                throw d.error("type", "invalid DNS-SD records type " + type);
            }
            long port = d.integer("port").orElse(0L);
            if (!type.equals("SRV") && (port <= 0 || port > 65535)) {
                throw d.error("port", "a port is required in DNS-SD configs for all record types except SRV");
            }
            out.add(new HubConfig.DnsSdConfig(List.copyOf(names), type, (int) port,
                    duration(d, "refresh_interval", Duration.ofSeconds(30))));
        }
        return List.copyOf(out);
    }

    /** {@code vigil_sd_configs: [{}]}: this job scrapes the exporters that announce themselves. */
    private static boolean vigilSd(YamlMap scrape) throws ConfigException {
        List<YamlMap> entries = scrape.maps("vigil_sd_configs");
        for (YamlMap e : entries) {
            e.only(Set.of());
        }
        return !entries.isEmpty();
    }

    private static List<HubConfig.HttpSdConfig> httpSd(YamlMap scrape, Path base) throws ConfigException {
        List<HubConfig.HttpSdConfig> out = new ArrayList<>();
        for (YamlMap h : scrape.maps("http_sd_configs")) {
            h.only(Set.of("url", "refresh_interval", "basic_auth", "authorization", "tls_config", "bearer_token",
                    "bearer_token_file"));
            String raw = h.string("url").orElseThrow(() -> h.error("url", "URL is missing"));
            java.net.URI url;
            try {
                url = java.net.URI.create(raw);
            } catch (IllegalArgumentException e) {
                throw h.error("url", "invalid URL \"" + raw + "\": " + e.getMessage());
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw h.error("url", "URL scheme must be 'http' or 'https'");
            }
            if (url.getHost() == null) {
                throw h.error("url", "host is missing in URL");
            }
            out.add(new HubConfig.HttpSdConfig(url, duration(h, "refresh_interval", Duration.ofMinutes(1)),
                    HttpClientConfigLoader.load(h, base)));
        }
        return List.copyOf(out);
    }

    /** The limits in {@code map}, each falling back to {@code defaults} (the global ones). */
    private static HubConfig.Limits limits(YamlMap map, HubConfig.Limits defaults) throws ConfigException {
        long body = defaults.bodySizeLimit();
        Optional<String> rawBody = map.string("body_size_limit");
        if (rawBody.isPresent()) {
            try {
                body = ByteSize.parse(rawBody.get());
            } catch (IllegalArgumentException e) {
                throw map.error("body_size_limit", e.getMessage());
            }
        }
        return new HubConfig.Limits(nonNegative(map, "label_limit", defaults.labelLimit()),
                nonNegative(map, "label_name_length_limit", defaults.labelNameLengthLimit()),
                nonNegative(map, "label_value_length_limit", defaults.labelValueLengthLimit()),
                nonNegative(map, "target_limit", defaults.targetLimit()), body);
    }

    private static long nonNegative(YamlMap map, String key, long defaultValue) throws ConfigException {
        long v = map.integer(key).orElse(defaultValue);
        if (v < 0) {
            throw map.error(key, key + " must not be negative");
        }
        return v;
    }

    static List<RelabelConfig> relabels(YamlMap scrape, String key) throws ConfigException {
        List<RelabelConfig> out = new ArrayList<>();
        for (YamlMap r : scrape.maps(key)) {
            r.only(RELABEL);
            String regex = r.string("regex", RelabelConfig.DEFAULT_REGEX);
            String actionKey = r.has("action") ? "action" : "regex";
            try {
                RelabelConfig.Action action = RelabelConfig.Action.parse(r.string("action", "replace"));
                for (String name : r.strings("source_labels")) {
                    if (!MetricNames.isValidLabelName(name)) {
                        throw r.error("source_labels", "\"" + name + "\" is not a valid label name");
                    }
                }
                String target = r.string("target_label", "");
                if ((action == RelabelConfig.Action.REPLACE || action == RelabelConfig.Action.HASHMOD
                        || action == RelabelConfig.Action.LOWERCASE || action == RelabelConfig.Action.UPPERCASE)
                        && !target.isEmpty() && !target.contains("$") && !MetricNames.isValidLabelName(target)) {
                    throw r.error("target_label", "\"" + target + "\" is invalid 'target_label' for "
                            + action.configName() + " action");
                }
                out.add(new RelabelConfig(r.strings("source_labels"), r.string("separator", ";"),
                        RelabelConfig.compile(regex), regex, r.integer("modulus").orElse(0L), target,
                        r.string("replacement", "$1"), action));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage().startsWith("invalid regular expression") ? "regex" : actionKey,
                        e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    private static Duration duration(YamlMap map, String key, Duration defaultValue) throws ConfigException {
        Optional<String> raw = map.string(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            Duration d = PromDuration.parse(raw.get());
            if (d.isZero() && key.startsWith("scrape")) {
                throw map.error(key, key + " must be greater than 0");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw map.error(key, e.getMessage());
        }
    }

    /**
     * The embedded defaults: the hub scrapes itself and a node exporter on localhost:9100 every
     * 15 s.
     */
    public static HubConfig defaults(int hubPort) {
        String text = "global:\n  scrape_interval: 15s\n  scrape_timeout: 10s\n"
                + "scrape_configs:\n"
                + "  - job_name: vigil-hub\n    static_configs:\n      - targets: [\"localhost:" + hubPort + "\"]\n"
                + "  - job_name: node\n    static_configs:\n      - targets: [\"localhost:9100\"]\n";
        try {
            return parse("(embedded defaults)", text);
        } catch (ConfigException e) {
            throw new IllegalStateException("embedded defaults do not load: " + e.getMessage(), e);
        }
    }
}
