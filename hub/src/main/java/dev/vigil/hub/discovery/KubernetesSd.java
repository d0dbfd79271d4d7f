package dev.vigil.hub.discovery;

import dev.vigil.hub.config.Credentials;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.KubernetesSdConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One {@code kubernetes_sd_configs} entry: the list+watch loops its role needs (per namespace:
 * pods; services; endpoints, services and pods; or the cluster's nodes, plus nodes for
 * {@code attach_metadata}), and the target groups built from what they hold. Objects stay
 * through API failures, so the last good targets stay too. Without {@code api_server} it talks
 * to the API server of the cluster it runs in, with the service account's token (read for every
 * request, so rotation works) and CA.
 */
public final class KubernetesSd implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KubernetesSd.class.getName());
    private static final long RETRY_START_MILLIS = 10_000;

    private final String job;
    private final KubernetesSdConfig config;
    private final Function<HubConfig.TlsConfig, HttpClient> clients;
    private final KubernetesEnvironment environment;
    private final AtomicLong version = new AtomicLong();
    private final List<KubernetesWatch> watches = new ArrayList<>();
    private Resource primary;
    private Resource nodes;
    private Resource services;
    private Resource pods;
    private boolean started;
    private long nextStart;
    private String startError;
    private long builtVersion = -1;
    private List<HubConfig.TargetGroup> built = List.of();
    private volatile boolean closed;

    public KubernetesSd(String job, KubernetesSdConfig config, Function<HubConfig.TlsConfig, HttpClient> clients,
            KubernetesEnvironment environment) {
        this.job = job;
        this.config = config;
        this.clients = clients;
        this.environment = environment;
    }

    /** The current groups; the first call starts the watches (a failed start is retried every 10 s). */
    public synchronized List<HubConfig.TargetGroup> groups() {
        if (!started && !closed && System.currentTimeMillis() >= nextStart) {
            try {
                start();
                started = true;
            } catch (IOException | RuntimeException e) {
                nextStart = System.currentTimeMillis() + RETRY_START_MILLIS;
                String error = String.valueOf(e.getMessage());
                if (!error.equals(startError)) {
                    startError = error;
                    LOG.warning(() -> "kubernetes_sd: job \"" + job + "\": " + error);
                }
            }
        }
        long v = version.get();
        if (v != builtVersion) {
            builtVersion = v;
            built = build();
        }
        return built;
    }

    private List<HubConfig.TargetGroup> build() {
        if (primary == null || !watches.stream().allMatch(KubernetesWatch::synced)) {
            return List.of(); // as Prometheus, which waits for every cache to sync
        }
        Map<String, Object> nodeMap = nodes == null ? null : nodes.snapshot();
        Map<String, Object> serviceMap = services == null ? Map.of() : services.snapshot();
        Map<String, Object> podMap = pods == null ? Map.of() : pods.snapshot();
        List<HubConfig.TargetGroup> out = new ArrayList<>();
        for (Object o : primary.snapshot().values()) {
            KubernetesTargets.Group g = switch (config.role()) {
                case NODE -> KubernetesTargets.node(o);
                case POD -> KubernetesTargets.pod(o, nodeMap);
                case SERVICE -> KubernetesTargets.service(o);
                case ENDPOINTS -> KubernetesEndpoints.build(o, serviceMap, podMap, nodeMap);
            };
            out.addAll(g.flatten());
        }
        return List.copyOf(out);
    }

    /** One kind of object across the watched namespaces. */
    private record Resource(List<KubernetesWatch> watches) {
        Map<String, Object> snapshot() {
            Map<String, Object> all = new TreeMap<>();
            for (KubernetesWatch w : watches) {
                all.putAll(w.snapshot());
            }
            return all;
        }
    }

    private void start() throws IOException {
        URI base;
        HubConfig.HttpClientConfig http;
        Path tokenFile = null;
        if (config.apiServer() != null) {
            base = config.apiServer();
            http = config.http();
        } else {
            String host = environment.env().getOrDefault("KUBERNETES_SERVICE_HOST", "");
            String port = environment.env().getOrDefault("KUBERNETES_SERVICE_PORT", "");
            if (host.isEmpty() || port.isEmpty()) {
                throw new IOException("unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and "
                        + "KUBERNETES_SERVICE_PORT must be defined");
            }
            tokenFile = environment.serviceAccountDir().resolve("token");
            read(tokenFile);
            base = URI.create("https://" + KubernetesTargets.joinHostPort(host, port));
            Path ca = environment.serviceAccountDir().resolve("ca.crt");
            http = new HubConfig.HttpClientConfig(null, null, new HubConfig.TlsConfig(ca, null, null, false));
            LOG.info(() -> "kubernetes_sd: job \"" + job + "\": using the pod's service account via the in-cluster "
                    + "config");
        }
        List<String> namespaces = new ArrayList<>(config.namespaces());
        if (config.ownNamespace()) {
            String own;
            try {
                own = read(environment.serviceAccountDir().resolve("namespace"));
            } catch (IOException e) {
                throw new IOException("could not determine the pod's namespace: " + e.getMessage(), e);
            }
            if (own.isEmpty()) {
                throw new IOException("could not read own namespace name (empty file)");
            }
            namespaces.add(own);
        }
        if (namespaces.isEmpty()) {
            namespaces.add(""); // all namespaces
        }
        HttpClient client = clients.apply(http.tls());
        KubernetesWatch.Api api = api(client, base, http, tokenFile);
        Runnable changed = version::incrementAndGet;
        List<String> all = List.of("");
        switch (config.role()) {
            case NODE -> primary = nodes = resource(all, "nodes", "node", api);
            case SERVICE -> primary = services = resource(namespaces, "services", "service", api);
            case POD -> primary = pods = resource(namespaces, "pods", "pod", api);
            case ENDPOINTS -> {
                primary = resource(namespaces, "endpoints", "endpoints", api);
                services = resource(namespaces, "services", "service", api);
                pods = resource(namespaces, "pods", "pod", api);
            }
        }
        if (config.attachNodeMetadata() && (config.role() == KubernetesSdConfig.Role.POD
                || config.role() == KubernetesSdConfig.Role.ENDPOINTS)) {
            nodes = resource(all, "nodes", "node", api);
        }
        if (closed) {
            return;
        }
        for (KubernetesWatch w : watches) {
            w.start();
        }
    }

    /** Watches of {@code resource} in each namespace ("" for all, or for nodes), with {@code role}'s selector. */
    private Resource resource(List<String> namespaces, String resource, String role, KubernetesWatch.Api api) {
        List<KubernetesWatch> list = new ArrayList<>();
        for (String ns : namespaces) {
            String path = ns.isEmpty() ? "/api/v1/" + resource : "/api/v1/namespaces/" + ns + "/" + resource;
            String what = "job \"" + job + "\": " + resource + (ns.isEmpty() ? "" : " in \"" + ns + "\"");
            KubernetesWatch w = new KubernetesWatch(what, path, config.selector(role), api, version::incrementAndGet);
            list.add(w);
            watches.add(w);
        }
        return new Resource(List.copyOf(list));
    }

    /** GETs below the API server's root with the config's credentials, or the service account token. */
    private static KubernetesWatch.Api api(HttpClient client, URI base, HubConfig.HttpClientConfig http,
            Path tokenFile) {
        String root = base.toString().replaceAll("/+$", "");
        return pathAndQuery -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery)).GET()
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                    .header("User-Agent", "vigil-hub/kubernetes-sd");
            String authorization = tokenFile != null ? "Bearer " + read(tokenFile) : Credentials.authorization(http);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IOException e) {
                throw new IOException("GET " + root + pathAndQuery + ": "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
            }
        };
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            throw new IOException("open " + file + ": no such file or directory", e);
        }
    }

    /** Stops every watch. */
    @Override
    public synchronized void close() {
        closed = true;
        for (KubernetesWatch w : watches) {
            w.close();
        }
    }
}
