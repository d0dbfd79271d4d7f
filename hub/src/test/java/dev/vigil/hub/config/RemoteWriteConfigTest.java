package dev.vigil.hub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.hub.relabel.RelabelConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code remote_write}: Prometheus 2.42's keys and defaults, and its errors with file and line. */
class RemoteWriteConfigTest {

    @Test
    void defaultsAreThoseOfPrometheus242() throws Exception {
        HubConfig config = ConfigLoader.parse("prometheus.yml", """
                remote_write:
                  - url: http://vm:8428/api/v1/write
                """);
        RemoteWriteConfig rw = config.remoteWriteConfigs().get(0);
        assertEquals(URI.create("http://vm:8428/api/v1/write"), rw.url());
        assertEquals("", rw.name());
        assertEquals(6, rw.remoteName().length(), "an unnamed queue is named by its config's digest");
        assertEquals(Duration.ofSeconds(30), rw.remoteTimeout());
        assertEquals(RemoteWriteConfig.QueueConfig.DEFAULT, rw.queue());
        RemoteWriteConfig.QueueConfig q = rw.queue();
        assertEquals(2500, q.capacity());
        assertEquals(200, q.maxShards());
        assertEquals(1, q.minShards());
        assertEquals(500, q.maxSamplesPerSend());
        assertEquals(Duration.ofSeconds(5), q.batchSendDeadline());
        assertEquals(Duration.ofMillis(30), q.minBackoff());
        assertEquals(Duration.ofSeconds(5), q.maxBackoff());
        assertFalse(q.retryOnHttp429(), "Prometheus 2.42 drops on 429 unless retry_on_http_429 is set");
        assertEquals(RemoteWriteConfig.MetadataConfig.DEFAULT, rw.metadata());
        assertTrue(rw.followRedirects());
    }

    @Test
    void readsEveryKey() throws Exception {
        HubConfig config = ConfigLoader.parse("prometheus.yml", """
                remote_write:
                  - url: https://vm:8428/api/v1/write
                    name: vm
                    remote_timeout: 10s
                    headers: {X-Scope-OrgID: team-a}
                    write_relabel_configs:
                      - source_labels: [__name__]
                        regex: go_.*
                        action: drop
                    basic_auth: {username: u, password: p}
                    tls_config: {insecure_skip_verify: true}
                    follow_redirects: false
                    enable_http2: false
                    send_exemplars: false
                    queue_config:
                      capacity: 100
                      max_shards: 4
                      min_shards: 2
                      max_samples_per_send: 50
                      batch_send_deadline: 1s
                      min_backoff: 10ms
                      max_backoff: 1s
                      retry_on_http_429: true
                    metadata_config: {send: false, send_interval: 2m, max_samples_per_send: 10}
                  - url: http://other/api/v1/write
                    authorization: {credentials: secret}
                """);
        assertEquals(2, config.remoteWriteConfigs().size());
        RemoteWriteConfig rw = config.remoteWriteConfigs().get(0);
        assertEquals("vm", rw.remoteName());
        assertEquals(Duration.ofSeconds(10), rw.remoteTimeout());
        assertEquals(Map.of("X-Scope-OrgID", "team-a"), rw.headers());
        assertEquals(RelabelConfig.Action.DROP, rw.writeRelabelConfigs().get(0).action());
        assertEquals("u", rw.http().basicAuth().username());
        assertTrue(rw.http().tls().insecureSkipVerify());
        assertFalse(rw.followRedirects());
        assertEquals(new RemoteWriteConfig.QueueConfig(100, 4, 2, 50, Duration.ofSeconds(1), Duration.ofMillis(10),
                Duration.ofSeconds(1), true), rw.queue());
        assertEquals(new RemoteWriteConfig.MetadataConfig(false, Duration.ofMinutes(2), 10), rw.metadata());
        assertEquals("secret", config.remoteWriteConfigs().get(1).http().authorization().credentials());
    }

    @Test
    void theDestinationHashIgnoresQueueTuningButTheConfigHashDoesNot() throws Exception {
        RemoteWriteConfig a = ConfigLoader.parse("a.yml", "remote_write: [{url: 'http://x/w', name: n}]")
                .remoteWriteConfigs().get(0);
        RemoteWriteConfig b = ConfigLoader.parse("b.yml",
                "remote_write: [{url: 'http://x/w', name: n, queue_config: {max_shards: 3}}]").remoteWriteConfigs().get(0);
        RemoteWriteConfig c = ConfigLoader.parse("c.yml", "remote_write: [{url: 'http://x/w', name: n,"
                + " basic_auth: {username: u, password: other}}]").remoteWriteConfigs().get(0);
        RemoteWriteConfig d = ConfigLoader.parse("d.yml", "remote_write: [{url: 'http://x/w', name: n,"
                + " basic_auth: {username: u, password: changed}}]").remoteWriteConfigs().get(0);
        assertEquals(a.destinationHash(), b.destinationHash());
        assertNotEquals(a.configHash(), b.configHash());
        assertNotEquals(c.configHash(), d.configHash(), "a changed password restarts the queue");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no url | remote_write:\\n  - name: x | 2 | url for remote_write is empty",
        "bad scheme | remote_write:\\n  - url: ftp://x/y | 2 | URL scheme must be 'http' or 'https'",
        "unknown key | remote_write:\\n  - url: http://x/y\\n    bogus: 1 | 3 | unknown key \"bogus\"",
        "unknown queue key | remote_write:\\n  - url: http://x/y\\n    queue_config:\\n      shards: 1 | 4 | unknown key \"shards\"",
        "bad duration | remote_write:\\n  - url: http://x/y\\n    remote_timeout: 30 | 3 | not a valid duration string: \"30\"",
        "later | remote_write:\\n  - url: http://x/y\\n    sigv4: {region: x} | 3 | \"sigv4\" is not supported by this version of vigil-hub yet",
        "reserved header | remote_write:\\n  - url: http://x/y\\n    headers: {User-Agent: me} | 3 | User-Agent is a reserved header. It must not be changed",
        "auth header | remote_write:\\n  - url: http://x/y\\n    headers: {Authorization: x} | 3 | authorization header must be changed via the basic_auth",
        "duplicate name | remote_write:\\n  - url: http://x/y\\n    name: a\\n  - url: http://z/y\\n    name: a | 5 | found multiple remote write configs with job name \"a\"",
        "duplicate config | remote_write:\\n  - url: http://x/y\\n  - url: http://x/y | 3 | duplicate remote write configs are not allowed, found duplicate for URL: http://x/y",
        "bad relabel | remote_write:\\n  - url: http://x/y\\n    write_relabel_configs:\\n      - action: rename | 4 | unknown relabel action \"rename\"",
        "bad bool | remote_write:\\n  - url: http://x/y\\n    send_exemplars: maybe | 3 | send_exemplars",
        "zero shards | remote_write:\\n  - url: http://x/y\\n    queue_config: {max_shards: 0} | 3 | max_shards must be greater than 0",
        "min above max | remote_write:\\n  - url: http://x/y\\n    queue_config: {max_shards: 2, min_shards: 3} | 3 | min_shards (3) must not exceed max_shards (2)",
    })
    void rejectsBadEntriesWithLineAndReason(String name, String yaml, int line, String reason) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("prometheus.yml", yaml.replace("\\n", "\n")));
        assertEquals("prometheus.yml", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.reason());
    }
}
