package dev.vigil.hub.discovery;

import dev.vigil.hub.config.KubernetesSdConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Keeps a local copy of one kind of Kubernetes object in one namespace (or all), as client-go's
 * reflector does: list (in pages of 500), then watch from the list's resourceVersion, applying
 * ADDED, MODIFIED and DELETED events; a watch that ends is resumed from the last resourceVersion
 * seen, a 410 Gone (or an ERROR event carrying it) lists again, and any other failure is logged
 * once per distinct error and retried with exponential backoff (0.5 s doubling to 30 s) while
 * the objects last listed stay.
 */
final class KubernetesWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KubernetesWatch.class.getName());
    static final long INITIAL_BACKOFF_MILLIS = 500;
    static final long MAX_BACKOFF_MILLIS = 30_000;

    /** Sends a GET for a path and query below the API server's root, with auth. */
    @FunctionalInterface
    interface Api {
        HttpResponse<InputStream> get(String pathAndQuery) throws IOException;
    }

    /** The resource's version is too old: list again. */
    private static final class Gone extends IOException {
        Gone(String message) {
            super(message);
        }
    }

    private final String what;
    private final String path;
    private final KubernetesSdConfig.Selector selector;
    private final Api api;
    private final Runnable onChange;
    private final Map<String, Object> store = new HashMap<>();
    private volatile boolean closed;
    private volatile boolean synced;
    private volatile InputStream stream;
    private String lastError;
    private Thread thread;

    /**
     * @param what names the watch in logs ({@code job "k8s": pods in "default"})
     * @param path the collection, e.g. {@code /api/v1/namespaces/default/pods} or {@code /api/v1/nodes}
     */
    KubernetesWatch(String what, String path, KubernetesSdConfig.Selector selector, Api api, Runnable onChange) {
        this.what = what;
        this.path = path;
        this.selector = selector;
        this.api = api;
        this.onChange = onChange;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("kubernetes-sd " + path).start(this::run);
    }

    /** The objects held now, by {@code namespace/name} (nodes by name), sorted. */
    synchronized Map<String, Object> snapshot() {
        return new TreeMap<>(store);
    }

    /** Whether a list has succeeded at least once. */
    boolean synced() {
        return synced;
    }

    private void run() {
        long backoff = INITIAL_BACKOFF_MILLIS;
        while (!closed) {
            try {
                String version = list();
                backoff = INITIAL_BACKOFF_MILLIS;
                recovered();
                while (!closed) {
                    version = watch(version);
                }
            } catch (Gone e) {
                // list again at once
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                report(String.valueOf(e.getMessage()));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Lists every page, replaces the store, and returns the list's resourceVersion. */
    private String list() throws IOException {
        Map<String, Object> fresh = new HashMap<>();
        String version;
        String cont = "";
        do {
            String query = "?limit=500" + selectors() + (cont.isEmpty() ? "" : "&continue=" + encode(cont));
            Map<String, Object> body;
            HttpResponse<InputStream> response = api.get(path + query);
            try (InputStream in = response.body()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (response.statusCode() != 200) {
                    throw failure("list", response.statusCode(), text);
                }
                body = KubernetesJson.parse(text);
            }
            for (Object item : KubernetesJson.list(body, "items")) {
                fresh.put(KubernetesJson.key(item), item);
            }
            version = KubernetesJson.str(body, "metadata", "resourceVersion");
            cont = KubernetesJson.str(body, "metadata", "continue");
        } while (!cont.isEmpty());
        synchronized (this) {
            store.clear();
            store.putAll(fresh);
        }
        synced = true;
        onChange.run();
        return version;
    }

    /** Watches from {@code version} until the server ends the stream; returns the last version seen. */
    private String watch(String version) throws IOException {
        long timeout = 300 + ThreadLocalRandom.current().nextLong(300); // client-go: 5 to 10 minutes
        HttpResponse<InputStream> response = api.get(path + "?watch=true&allowWatchBookmarks=true&resourceVersion="
                + encode(version) + "&timeoutSeconds=" + timeout + selectors());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (response.statusCode() == 410) {
                    throw new Gone(text);
                }
                throw failure("watch", response.statusCode(), text);
            }
            stream = in;
            if (closed) {
                return version;
            }
            // The server ends the watch after timeoutSeconds; a connection that died silently is cut here.
            AtomicBoolean expired = new AtomicBoolean();
            CompletableFuture.delayedExecutor(timeout + 60, TimeUnit.SECONDS).execute(() -> {
                if (stream == in) {
                    expired.set(true);
                    closeQuietly(in);
                }
            });
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    version = apply(KubernetesJson.parse(line), version);
                }
            } catch (IOException e) {
                if (!expired.get() || e instanceof Gone) {
                    throw e;
                }
            }
            return version;
        } finally {
            stream = null;
        }
    }

    /** Applies one watch event; returns the resourceVersion to resume from. */
    private String apply(Map<String, Object> event, String version) throws IOException {
        String type = KubernetesJson.str(event, "type");
        Object object = KubernetesJson.get(event, "object");
        if (type.equals("ERROR")) {
            if (KubernetesJson.str(object, "code").equals("410")) {
                throw new Gone(KubernetesJson.str(object, "message"));
            }
            throw new IOException("watch " + path + ": " + KubernetesJson.str(object, "message"));
        }
        String next = KubernetesJson.str(object, "metadata", "resourceVersion");
        switch (type) {
            case "ADDED", "MODIFIED" -> {
                synchronized (this) {
                    store.put(KubernetesJson.key(object), object);
                }
                onChange.run();
            }
            case "DELETED" -> {
                synchronized (this) {
                    store.remove(KubernetesJson.key(object));
                }
                onChange.run();
            }
            default -> {
                // BOOKMARK: only the version moves
            }
        }
        return next.isEmpty() ? version : next;
    }

    private String selectors() {
        String out = "";
        if (!selector.label().isEmpty()) {
            out += "&labelSelector=" + encode(selector.label());
        }
        if (!selector.field().isEmpty()) {
            out += "&fieldSelector=" + encode(selector.field());
        }
        return out;
    }

    /** A failed request, in the API server's words when it sent a Status. */
    private IOException failure(String verb, int status, String body) {
        String message = "";
        try {
            message = KubernetesJson.str(KubernetesJson.parse(body), "message");
        } catch (IOException | RuntimeException e) {
            // not a Status object
        }
        return new IOException(verb + " " + path + ": server returned HTTP status " + status
                + (message.isEmpty() ? "" : ": " + message));
    }

    private synchronized void report(String error) {
        if (!error.equals(lastError)) {
            lastError = error;
            LOG.warning(() -> "kubernetes_sd: " + what + ": " + error + "; keeping its last good targets");
        }
    }

    private synchronized void recovered() {
        if (lastError != null) {
            lastError = null;
            LOG.info(() -> "kubernetes_sd: " + what + ": listing works again");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = stream;
        if (in != null) {
            closeQuietly(in);
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
