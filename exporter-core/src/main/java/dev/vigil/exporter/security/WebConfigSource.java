package dev.vigil.exporter.security;

import dev.vigil.exporter.log.Log;
import dev.vigil.exporter.webconfig.WebConfig;
import dev.vigil.exporter.webconfig.WebConfigParser;
import dev.vigil.exporter.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Holds the current {@link WebSecurity} for a web-config file and re-reads it when the file, or a
 * certificate, key, CA or token file it names, changes (by content, so a Kubernetes secret's
 * symlink swap counts). A change that does not load is logged with the file, line and reason, and
 * the running state stays; listeners hear only of good changes.
 */
public final class WebConfigSource implements AutoCloseable {
    private static final Log LOG = Log.get(WebConfigSource.class);
    /** How long changed files must stay the same before they are loaded. */
    static final Duration SETTLE = Duration.ofMillis(100);

    private final Path file;
    private final Duration pollInterval;
    private final Set<String> extensionKeys;
    private final List<BiConsumer<WebSecurity, WebSecurity>> listeners = new CopyOnWriteArrayList<>();
    private volatile WebSecurity current;
    private volatile String fingerprint;
    private volatile String lastFailure;
    private Thread poller;

    private WebConfigSource(Path file, Duration pollInterval, WebSecurity initial, String fingerprint,
            Set<String> extensionKeys) {
        this.file = file;
        this.pollInterval = pollInterval;
        this.extensionKeys = extensionKeys;
        this.current = initial;
        this.fingerprint = fingerprint;
    }

    /** No file: plain HTTP, no auth, nothing to watch. */
    public static WebConfigSource none() {
        return new WebConfigSource(null, Duration.ZERO, WebSecurity.none(), "", Set.of());
    }

    /**
     * Loads {@code file} for the first time.
     *
     * @throws ConfigException when the file or a file it names cannot be used (the exporter then
     *     refuses to start)
     */
    public static WebConfigSource open(Path file, Duration pollInterval) throws ConfigException {
        return open(file, pollInterval, Set.of());
    }

    /**
     * Loads {@code file}, allowing the top-level {@code extensionKeys} a program reads itself
     * (listeners hear of changes to them too: they change the file's fingerprint).
     *
     * @throws ConfigException as {@link #open(Path, Duration)}
     */
    public static WebConfigSource open(Path file, Duration pollInterval, Set<String> extensionKeys)
            throws ConfigException {
        WebConfig config = WebConfigParser.parse(file, extensionKeys);
        WebSecurity security;
        try {
            security = WebSecurity.load(config, null);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, e.getMessage(), e);
        }
        return new WebConfigSource(file, pollInterval, security, fingerprint(file, config), Set.copyOf(extensionKeys));
    }

    public WebSecurity current() {
        return current;
    }

    /** The watched file, or null without one. */
    public Path file() {
        return file;
    }

    /** Called with (old, new) after a successful reload. */
    public void onChange(BiConsumer<WebSecurity, WebSecurity> listener) {
        listeners.add(listener);
    }

    /** Starts polling the files in a daemon thread. */
    public synchronized void start() {
        if (file == null || poller != null) {
            return;
        }
        poller = Thread.ofPlatform().daemon().name("web-config-watch").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(pollInterval);
                } catch (InterruptedException e) {
                    return;
                }
                checkNow();
            }
        });
    }

    /**
     * Re-reads the files if their content changed.
     *
     * @return true if a new state was installed
     */
    public synchronized boolean checkNow() {
        if (file == null) {
            return false;
        }
        String now;
        WebConfig config;
        WebSecurity next;
        try {
            config = WebConfigParser.parse(file, extensionKeys);
            now = fingerprint(file, config);
            if (now.equals(fingerprint)) {
                lastFailure = null;
                return false;
            }
            // A file caught half-written (an editor or `>` truncates, then writes) must not be
            // installed: an empty web.yml is a valid config without TLS. Take a change only once
            // the files read the same a moment later.
            Thread.sleep(SETTLE.toMillis());
            WebConfig again = WebConfigParser.parse(file, extensionKeys);
            if (!fingerprint(file, again).equals(now)) {
                return false; // still being written: the next poll sees the finished files
            }
            next = WebSecurity.load(config, current);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ConfigException | IOException e) {
            String reason = e.getMessage();
            if (!Objects.equals(reason, lastFailure)) {
                LOG.error("Unable to reload web config; keeping the running one", "file", file, "err", reason);
                lastFailure = reason;
            }
            return false;
        }
        WebSecurity previous = current;
        current = next;
        fingerprint = now;
        lastFailure = null;
        LOG.info("Reloaded web config", "file", file, "tls", next.tls().isPresent(), "auth", next.describeAuth());
        for (BiConsumer<WebSecurity, WebSecurity> listener : listeners) {
            listener.accept(previous, next);
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.interrupt();
            poller = null;
        }
    }

    /** A digest over the config file's content and the content of every file it names. */
    private static String fingerprint(Path file, WebConfig config) {
        List<Path> files = new ArrayList<>();
        files.add(file);
        files.addAll(config.files());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path path : files) {
                digest.update(path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try {
                    digest.update(Files.readAllBytes(path));
                } catch (NoSuchFileException e) {
                    digest.update((byte) 0);
                } catch (IOException e) {
                    digest.update((byte) 1);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
