package dev.vigil.hub.config;

import dev.vigil.hub.relabel.RelabelConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One {@code remote_write} entry, with Prometheus 2.42's defaults. {@code name} is the configured
 * name, or empty; {@link #remoteName()} is what the metrics' {@code remote_name} label shows.
 */
public record RemoteWriteConfig(URI url, String name, Duration remoteTimeout, Map<String, String> headers,
        List<RelabelConfig> writeRelabelConfigs, HubConfig.HttpClientConfig http, boolean followRedirects,
        QueueConfig queue, MetadataConfig metadata) {

    /** {@code queue_config}; retry_on_http_429 is false by default, as in Prometheus 2.42. */
    public record QueueConfig(int capacity, int maxShards, int minShards, int maxSamplesPerSend,
            Duration batchSendDeadline, Duration minBackoff, Duration maxBackoff, boolean retryOnHttp429) {
        public static final QueueConfig DEFAULT = new QueueConfig(2500, 200, 1, 500, Duration.ofSeconds(5),
                Duration.ofMillis(30), Duration.ofSeconds(5), false);
    }

    /** {@code metadata_config}: accepted; the hub keeps no metadata, so nothing is sent. */
    public record MetadataConfig(boolean send, Duration sendInterval, int maxSamplesPerSend) {
        public static final MetadataConfig DEFAULT = new MetadataConfig(true, Duration.ofMinutes(1), 500);
    }

    /**
     * A digest of everything that changes how the queue sends: a reload restarts a queue whose
     * digest changed and leaves the others running.
     */
    public String configHash() {
        return sha256(url + "\n" + name + "\n" + remoteTimeout + "\n" + headers + "\n" + relabelText() + "\n"
                + httpText() + "\n" + followRedirects + "\n" + queue + "\n" + metadata);
    }

    /**
     * A digest of the destination only (name and URL): names the file that keeps the queue's WAL
     * position, so a queue restarted by a reload (or a hub restart) resumes where it left.
     */
    public String destinationHash() {
        return sha256(name + "\n" + url);
    }

    /** The configured name, else the first 6 hex digits of the config's digest (as Prometheus). */
    public String remoteName() {
        return name.isEmpty() ? configHash().substring(0, 6) : name;
    }

    /** The HTTP client part with its secrets (their records' toString hides them). */
    private String httpText() {
        StringBuilder b = new StringBuilder();
        HubConfig.BasicAuth basic = http.basicAuth();
        if (basic != null) {
            b.append(basic.username()).append('|').append(basic.password()).append('|').append(basic.passwordFile());
        }
        HubConfig.Authorization auth = http.authorization();
        if (auth != null) {
            b.append('|').append(auth.type()).append('|').append(auth.credentials()).append('|')
                    .append(auth.credentialsFile());
        }
        return b.append('|').append(http.tls()).toString();
    }

    private String relabelText() {
        StringBuilder b = new StringBuilder();
        for (RelabelConfig r : writeRelabelConfigs) {
            b.append(r.sourceLabels()).append('|').append(r.separator()).append('|').append(r.regexText()).append('|')
                    .append(r.modulus()).append('|').append(r.targetLabel()).append('|').append(r.replacement())
                    .append('|').append(r.action()).append(';');
        }
        return b.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
