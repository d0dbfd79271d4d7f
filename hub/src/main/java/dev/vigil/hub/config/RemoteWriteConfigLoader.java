package dev.vigil.hub.config;

import dev.vigil.model.PromDuration;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlMap;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top-level {@code remote_write} list with Prometheus 2.42's keys, defaults, checks and
 * wording. Keys Prometheus knows that the hub does not implement ({@code sigv4}, {@code oauth2},
 * {@code azuread}, {@code proxy_url}) are refused by name.
 */
final class RemoteWriteConfigLoader {
    private static final Set<String> KEYS = Set.of("url", "name", "remote_timeout", "headers",
            "write_relabel_configs", "send_exemplars", "send_native_histograms", "basic_auth", "authorization",
            "tls_config", "bearer_token", "bearer_token_file", "follow_redirects", "enable_http2", "queue_config",
            "metadata_config", "sigv4", "oauth2", "azuread", "proxy_url");
    private static final Set<String> LATER = Set.of("sigv4", "oauth2", "azuread", "proxy_url");
    private static final Set<String> QUEUE = Set.of("capacity", "max_shards", "min_shards", "max_samples_per_send",
            "batch_send_deadline", "min_backoff", "max_backoff", "retry_on_http_429");
    private static final Set<String> METADATA = Set.of("send", "send_interval", "max_samples_per_send");
    /** Headers Prometheus sets itself and refuses to take from the config. */
    private static final Set<String> RESERVED = Set.of("host", "content-encoding", "content-length", "content-type",
            "user-agent", "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "www-authenticate",
            "accept-encoding", "x-prometheus-remote-write-version", "x-prometheus-remote-read-version",
            "x-prometheus-scrape-timeout-seconds", "te", "trailer", "transfer-encoding", "upgrade");

    private RemoteWriteConfigLoader() {
    }

    static List<RemoteWriteConfig> load(List<YamlMap> entries, Path base) throws ConfigException {
        List<RemoteWriteConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (YamlMap entry : entries) {
            RemoteWriteConfig config = one(entry.only(KEYS), base);
            if (!config.name().isEmpty() && !names.add(config.name())) {
                throw entry.error("name", "found multiple remote write configs with job name \"" + config.name() + "\"");
            }
            if (!hashes.add(config.configHash())) {
                throw entry.error("url", "duplicate remote write configs are not allowed, found duplicate for URL: "
                        + config.url());
            }
            out.add(config);
        }
        return List.copyOf(out);
    }

    private static RemoteWriteConfig one(YamlMap r, Path base) throws ConfigException {
        for (String key : LATER) {
            if (r.has(key)) {
                throw r.error(key, "\"" + key + "\" is not supported by this version of vigil-hub yet");
            }
        }
        String raw = r.string("url").orElse("");
        if (raw.isEmpty()) {
            throw r.error("url", "url for remote_write is empty");
        }
        URI url;
        try {
            url = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw r.error("url", "invalid URL \"" + raw + "\": " + e.getMessage());
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw r.error("url", "URL scheme must be 'http' or 'https'");
        }
        if (url.getHost() == null) {
            throw r.error("url", "host is missing in URL");
        }
        for (String key : new String[] {"enable_http2", "send_exemplars", "send_native_histograms"}) {
            r.bool(key); // accepted (HTTP/1.1 is used; the hub stores no exemplars or native histograms), type-checked
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : r.stringMap("headers").entrySet()) {
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            if (lower.equals("authorization")) {
                throw r.error("headers", "authorization header must be changed via the basic_auth, authorization,"
                        + " oauth2, sigv4, or azuread parameter");
            }
            if (RESERVED.contains(lower)) {
                throw r.error("headers", h.getKey() + " is a reserved header. It must not be changed");
            }
            headers.put(h.getKey(), h.getValue());
        }
        return new RemoteWriteConfig(url, r.string("name", ""), duration(r, "remote_timeout", Duration.ofSeconds(30)),
                Map.copyOf(headers), ConfigLoader.relabels(r, "write_relabel_configs"), HttpClientConfigLoader.load(r, base),
                r.bool("follow_redirects").orElse(true), queue(r.map("queue_config")), metadata(r.map("metadata_config")));
    }

    private static RemoteWriteConfig.QueueConfig queue(Optional<YamlMap> maybe) throws ConfigException {
        RemoteWriteConfig.QueueConfig d = RemoteWriteConfig.QueueConfig.DEFAULT;
        if (maybe.isEmpty()) {
            return d;
        }
        YamlMap q = maybe.get().only(QUEUE);
        int capacity = positive(q, "capacity", d.capacity());
        int maxShards = positive(q, "max_shards", d.maxShards());
        int minShards = positive(q, "min_shards", d.minShards());
        if (minShards > maxShards) {
            throw q.error("min_shards", "min_shards (" + minShards + ") must not exceed max_shards (" + maxShards + ")");
        }
        int perSend = positive(q, "max_samples_per_send", d.maxSamplesPerSend());
        Duration deadline = duration(q, "batch_send_deadline", d.batchSendDeadline());
        Duration minBackoff = duration(q, "min_backoff", d.minBackoff());
        Duration maxBackoff = duration(q, "max_backoff", d.maxBackoff());
        if (deadline.isZero()) {
            throw q.error("batch_send_deadline", "batch_send_deadline must be greater than 0");
        }
        if (minBackoff.compareTo(maxBackoff) > 0) {
            throw q.error("min_backoff", "min_backoff must not exceed max_backoff");
        }
        return new RemoteWriteConfig.QueueConfig(capacity, maxShards, minShards, perSend, deadline, minBackoff,
                maxBackoff, q.bool("retry_on_http_429").orElse(d.retryOnHttp429()));
    }

    private static RemoteWriteConfig.MetadataConfig metadata(Optional<YamlMap> maybe) throws ConfigException {
        RemoteWriteConfig.MetadataConfig d = RemoteWriteConfig.MetadataConfig.DEFAULT;
        if (maybe.isEmpty()) {
            return d;
        }
        YamlMap m = maybe.get().only(METADATA);
        return new RemoteWriteConfig.MetadataConfig(m.bool("send").orElse(d.send()),
                duration(m, "send_interval", d.sendInterval()), positive(m, "max_samples_per_send", d.maxSamplesPerSend()));
    }

    private static int positive(YamlMap map, String key, int defaultValue) throws ConfigException {
        long v = map.integer(key).orElse((long) defaultValue);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw map.error(key, key + " must be greater than 0");
        }
        return (int) v;
    }

    private static Duration duration(YamlMap map, String key, Duration defaultValue) throws ConfigException {
        Optional<String> raw = map.string(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return PromDuration.parse(raw.get());
        } catch (IllegalArgumentException e) {
            throw map.error(key, e.getMessage());
        }
    }
}
