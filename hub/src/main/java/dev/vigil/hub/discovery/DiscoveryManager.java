package dev.vigil.hub.discovery;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.KubernetesSdConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Keeps each job's discovered target groups current and tells the scrape manager when they change.
 * http_sd endpoints are fetched every refresh_interval (a failure keeps the last good groups and is
 * logged once per distinct error). file_sd files are checked once a second (modification time, size
 * and identity, so an editor's rename-into-place counts) and re-read at least every
 * refresh_interval; a file that does not parse is reported once with its line and its last good
 * groups stay, as Prometheus does; a deleted file's groups go. Each kubernetes_sd config runs its
 * own list+watch loops ({@link KubernetesSd}), read once a second; they are stopped when a reload
 * drops or changes the config.
 */
public final class DiscoveryManager implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DiscoveryManager.class.getName());

    private final BiConsumer<HubConfig, Map<String, List<HubConfig.TargetGroup>>> onUpdate;
    private final Function<HubConfig.TlsConfig, HttpClient> clients;
    private final Map<Path, FileState> files = new HashMap<>();
    private final Map<String, HttpState> endpoints = new HashMap<>();
    private final Announcements announcements;
    private final DnsSd dns;
    private final KubernetesEnvironment kubernetesEnvironment;
    private final Map<String, Kubernetes> kubernetes = new HashMap<>();
    private HubConfig config;
    private Map<String, List<HubConfig.TargetGroup>> current = Map.of();
    private Thread poller;
    private volatile boolean closed;

    private static final class FileState {
        /** What the file looked like when last read: modification time, size, identity. */
        String stamp;
        long nextFullRead;
        String content;
        List<HubConfig.TargetGroup> groups = List.of();
        String lastError;
    }

    /** A kubernetes_sd config and its running watches (restarted when the config changes, secrets included). */
    private record Kubernetes(KubernetesSdConfig config, KubernetesSd sd) {
    }

    private static final class HttpState {
        long nextFetch;
        List<HubConfig.TargetGroup> groups = List.of();
        String lastError;
    }

    public DiscoveryManager(BiConsumer<HubConfig, Map<String, List<HubConfig.TargetGroup>>> onUpdate,
            Function<HubConfig.TlsConfig, HttpClient> clients) {
        this(onUpdate, clients, new Announcements());
    }

    public DiscoveryManager(BiConsumer<HubConfig, Map<String, List<HubConfig.TargetGroup>>> onUpdate,
            Function<HubConfig.TlsConfig, HttpClient> clients, Announcements announcements) {
        this(onUpdate, clients, announcements, new DnsSd("dns:"));
    }

    /** @param dns the resolver for dns_sd_configs (the system's, or a given server in tests) */
    public DiscoveryManager(BiConsumer<HubConfig, Map<String, List<HubConfig.TargetGroup>>> onUpdate,
            Function<HubConfig.TlsConfig, HttpClient> clients, Announcements announcements, DnsSd dns) {
        this(onUpdate, clients, announcements, dns, KubernetesEnvironment.system());
    }

    /** @param kubernetes where kubernetes_sd finds its in-cluster config (the pod's, or a test's) */
    public DiscoveryManager(BiConsumer<HubConfig, Map<String, List<HubConfig.TargetGroup>>> onUpdate,
            Function<HubConfig.TlsConfig, HttpClient> clients, Announcements announcements, DnsSd dns,
            KubernetesEnvironment kubernetes) {
        this.onUpdate = onUpdate;
        this.clients = clients;
        this.announcements = announcements;
        this.dns = dns;
        this.kubernetesEnvironment = kubernetes;
    }

    /** Takes a (re)loaded config: computes every job's groups now and hands them over. */
    public synchronized void apply(HubConfig config) {
        this.config = config;
        current = discover();
        onUpdate.accept(config, current);
        if (poller == null && config.scrapeConfigs().stream()
                .anyMatch(c -> !c.fileSdConfigs().isEmpty() || !c.httpSdConfigs().isEmpty() || c.vigilSd()
                        || !c.dnsSdConfigs().isEmpty() || !c.kubernetesSdConfigs().isEmpty())) {
            poller = Thread.ofPlatform().daemon().name("discovery").start(this::poll);
        }
    }

    /** The groups discovered for each job (static ones are the scrape manager's). */
    public synchronized Map<String, List<HubConfig.TargetGroup>> current() {
        return current;
    }

    private void poll() {
        while (!closed) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                Map<String, List<HubConfig.TargetGroup>> next = discover();
                if (!next.equals(current)) {
                    current = next;
                    onUpdate.accept(config, current);
                }
            }
        }
    }

    /** Every job's file_sd groups, from the files as they are now. */
    private Map<String, List<HubConfig.TargetGroup>> discover() {
        Map<String, List<HubConfig.TargetGroup>> out = new LinkedHashMap<>();
        List<Path> seen = new ArrayList<>();
        List<String> seenEndpoints = new ArrayList<>();
        for (HubConfig.ScrapeConfig scrape : config.scrapeConfigs()) {
            List<HubConfig.TargetGroup> groups = new ArrayList<>();
            for (HubConfig.FileSdConfig sd : scrape.fileSdConfigs()) {
                for (String pattern : sd.files()) {
                    for (Path file : expand(pattern)) {
                        seen.add(file);
                        groups.addAll(read(file, sd.refreshInterval().toMillis()));
                    }
                }
            }
            for (int i = 0; i < scrape.httpSdConfigs().size(); i++) {
                HubConfig.HttpSdConfig sd = scrape.httpSdConfigs().get(i);
                String key = scrape.jobName() + "#" + i + " " + sd;
                seenEndpoints.add(key);
                groups.addAll(fetch(key, sd));
            }
            for (int i = 0; i < scrape.dnsSdConfigs().size(); i++) {
                HubConfig.DnsSdConfig sd = scrape.dnsSdConfigs().get(i);
                String key = scrape.jobName() + "#dns" + i + " " + sd;
                seenEndpoints.add(key);
                groups.addAll(refresh(key, sd.refreshInterval().toMillis(), sd.names().toString(),
                        () -> dns.resolve(sd)));
            }
            for (int i = 0; i < scrape.kubernetesSdConfigs().size(); i++) {
                KubernetesSdConfig sd = scrape.kubernetesSdConfigs().get(i);
                String key = scrape.jobName() + "#k8s" + i;
                seenEndpoints.add(key);
                Kubernetes running = kubernetes.get(key);
                if (running == null || !running.config().equals(sd)) {
                    if (running != null) {
                        running.sd().close();
                    }
                    running = new Kubernetes(sd, new KubernetesSd(scrape.jobName(), sd, clients, kubernetesEnvironment));
                    kubernetes.put(key, running);
                }
                groups.addAll(running.sd().groups());
            }
            if (scrape.vigilSd()) {
                groups.addAll(announcements.groups(System.currentTimeMillis()));
            }
            if (!groups.isEmpty()) {
                out.put(scrape.jobName(), List.copyOf(groups));
            }
        }
        files.keySet().retainAll(seen);
        endpoints.keySet().retainAll(seenEndpoints);
        kubernetes.entrySet().removeIf(e -> {
            if (seenEndpoints.contains(e.getKey())) {
                return false;
            }
            e.getValue().sd().close(); // watches of a config that is gone
            return true;
        });
        return out;
    }

    /** A source that is asked for its groups (an HTTP endpoint, DNS names). */
    @FunctionalInterface
    private interface Source {
        List<HubConfig.TargetGroup> groups() throws IOException;
    }

    /** An http_sd endpoint's groups: fetched when due, the last good ones kept when a fetch fails. */
    private List<HubConfig.TargetGroup> fetch(String key, HubConfig.HttpSdConfig sd) {
        return refresh(key, sd.refreshInterval().toMillis(), "http_sd " + sd.url(), () -> HttpSd.fetch(sd, clients));
    }

    /** A polled source's groups: asked when due, the last good ones kept when asking fails. */
    private List<HubConfig.TargetGroup> refresh(String key, long intervalMillis, String what, Source source) {
        HttpState state = endpoints.computeIfAbsent(key, k -> new HttpState());
        long now = System.currentTimeMillis();
        if (now < state.nextFetch) {
            return state.groups;
        }
        state.nextFetch = now + intervalMillis;
        try {
            state.groups = source.groups();
            state.lastError = null;
        } catch (IOException | RuntimeException e) {
            String error = String.valueOf(e.getMessage());
            if (!error.equals(state.lastError)) {
                state.lastError = error;
                LOG.warning(() -> what + ": " + error + "; keeping its last good targets");
            }
        }
        return state.groups;
    }

    /**
     * A file's groups. The file is read again only when its modification time, size or identity
     * changed (an editor's rename-into-place changes the identity), or once per refresh_interval
     * as Prometheus re-reads; otherwise the once-a-second check is a single stat.
     */
    private List<HubConfig.TargetGroup> read(Path file, long refreshMillis) {
        FileState state = files.computeIfAbsent(file, f -> new FileState());
        String content;
        long now = System.currentTimeMillis();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            // the full-precision time (nanoseconds where the file system keeps them)
            String stamp = attributes.lastModifiedTime() + " " + attributes.size() + " " + attributes.fileKey();
            if (stamp.equals(state.stamp) && now < state.nextFullRead) {
                return state.groups;
            }
            state.stamp = stamp;
            state.nextFullRead = now + refreshMillis;
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            state.groups = List.of();
            state.content = null;
            return List.of();
        } catch (IOException e) {
            report(file, state, "cannot read: " + e.getMessage());
            return state.groups;
        }
        if (Objects.equals(content, state.content)) {
            return state.groups;
        }
        state.content = content;
        try {
            state.groups = FileSd.parse(file.toString(), content);
            state.lastError = null;
        } catch (ConfigException e) {
            report(file, state, "line " + e.line() + ": " + e.reason());
        }
        return state.groups;
    }

    private static void report(Path file, FileState state, String error) {
        if (!error.equals(state.lastError)) {
            state.lastError = error;
            LOG.warning(() -> "file_sd: " + file + ": " + error + "; keeping its last good targets");
        }
    }

    /** A pattern's files: a glob is allowed in the last path element, as in Prometheus. */
    static List<Path> expand(String pattern) {
        Path path = Path.of(pattern);
        String last = path.getFileName().toString();
        if (!last.contains("*") && !last.contains("?") && !last.contains("[")) {
            return List.of(path);
        }
        List<Path> out = new ArrayList<>();
        Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, last)) {
            for (Path p : stream) {
                out.add(p);
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (poller != null) {
            poller.interrupt();
        }
        kubernetes.values().forEach(k -> k.sd().close());
    }
}
