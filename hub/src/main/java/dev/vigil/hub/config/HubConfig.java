package dev.vigil.hub.config;

import dev.vigil.hub.relabel.RelabelConfig;
import dev.vigil.model.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A loaded prometheus.yml (the parts the hub implements so far). */
public record HubConfig(Global global, List<ScrapeConfig> scrapeConfigs, String source,
        List<RemoteWriteConfig> remoteWriteConfigs, List<String> ruleFiles, AlertingConfig alerting) {

    /** A config without remote_write entries or rule files. */
    public HubConfig(Global global, List<ScrapeConfig> scrapeConfigs, String source) {
        this(global, scrapeConfigs, source, List.of(), List.of(), AlertingConfig.NONE);
    }

    /** A config without rule files. */
    public HubConfig(Global global, List<ScrapeConfig> scrapeConfigs, String source,
            List<RemoteWriteConfig> remoteWriteConfigs) {
        this(global, scrapeConfigs, source, remoteWriteConfigs, List.of(), AlertingConfig.NONE);
    }

    /** The {@code global} section, with Prometheus' defaults. */
    public record Global(Duration scrapeInterval, Duration scrapeTimeout, Duration evaluationInterval,
            Labels externalLabels, long sampleLimit, Limits limits) {
        public static final Global DEFAULT = new Global(Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Labels.EMPTY, 0, Limits.NONE);
    }

    /** One {@code scrape_configs} entry. */
    public record ScrapeConfig(String jobName, Duration scrapeInterval, Duration scrapeTimeout, String metricsPath,
            String scheme, boolean honorLabels, boolean honorTimestamps, Map<String, List<String>> params,
            long sampleLimit, List<TargetGroup> staticConfigs, List<RelabelConfig> relabelConfigs,
            List<RelabelConfig> metricRelabelConfigs, HttpClientConfig http, Limits limits,
            List<FileSdConfig> fileSdConfigs, List<HttpSdConfig> httpSdConfigs, boolean vigilSd,
            List<DnsSdConfig> dnsSdConfigs, List<KubernetesSdConfig> kubernetesSdConfigs) {
    }

    /** {@code dns_sd_configs}: names to resolve (SRV, A, AAAA or MX), the port for A/AAAA/MX, refresh interval. */
    public record DnsSdConfig(List<String> names, String type, int port, Duration refreshInterval) {
    }

    /** {@code http_sd_configs}: a URL returning target groups as JSON, polled every refresh_interval. */
    public record HttpSdConfig(java.net.URI url, Duration refreshInterval, HttpClientConfig http) {
    }

    /** {@code file_sd_configs}: file patterns (absolute; globs in the last path element) and the refresh interval. */
    public record FileSdConfig(List<String> files, Duration refreshInterval) {
    }

    /** Per-scrape limits; 0 means none. {@code sampleLimit} stays on the scrape config itself. */
    public record Limits(long labelLimit, long labelNameLengthLimit, long labelValueLengthLimit, long targetLimit,
            long bodySizeLimit) {
        public static final Limits NONE = new Limits(0, 0, 0, 0, 0);
    }

    /** How a scrape authenticates and what TLS it speaks (Prometheus' common HTTP client config). */
    public record HttpClientConfig(BasicAuth basicAuth, Authorization authorization, TlsConfig tls) {
        public static final HttpClientConfig NONE = new HttpClientConfig(null, null, TlsConfig.NONE);
    }

    /** {@code basic_auth}; the password file is read for every scrape. */
    public record BasicAuth(String username, String password, java.nio.file.Path passwordFile) {
        @Override
        public String toString() {
            return "BasicAuth[username=" + username + ", password=<secret>]";
        }
    }

    /** {@code authorization} (or the deprecated bearer_token fields); the file is read for every scrape. */
    public record Authorization(String type, String credentials, java.nio.file.Path credentialsFile) {
        @Override
        public String toString() {
            return "Authorization[type=" + type + ", credentials=<secret>]";
        }
    }

    /** {@code tls_config} for scrapes. */
    public record TlsConfig(java.nio.file.Path caFile, java.nio.file.Path certFile, java.nio.file.Path keyFile,
            boolean insecureSkipVerify) {
        public static final TlsConfig NONE = new TlsConfig(null, null, null, false);
    }

    /** One {@code static_configs} entry: addresses and the labels they share. */
    public record TargetGroup(List<String> targets, Map<String, String> labels) {
    }
}
