package dev.vigil.exporter.http;

import dev.vigil.exporter.log.Log;
import dev.vigil.exporter.security.WebConfigSource;
import dev.vigil.exporter.security.WebSecurity;
import dev.vigil.exporter.tls.TlsContexts;
import dev.vigil.exporter.tls.TlsMaterial;
import dev.vigil.exporter.tls.TlsState;
import dev.vigil.exporter.webconfig.TlsServerConfig;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http2.Http2Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * One Helidon listener per listen address, sharing the routing and the web-config.
 *
 * <p>A rotated certificate, key or client CA is picked up by the next handshake without touching
 * the listener (the key and trust managers read {@link TlsState}). A change that needs new
 * handshake parameters (TLS switched on or off, versions, ciphers, curves, client auth policy,
 * http2) restarts the listeners on the ports they already hold; open connections finish first.
 */
public final class ExporterServer implements AutoCloseable {
    private static final Log LOG = Log.get(ExporterServer.class);

    private final List<ListenAddress> addresses;
    private final WebConfigSource source;
    private final Handler metrics;
    private final LandingPage landing;
    private final String telemetryPath;
    private final List<Listener> listeners = new ArrayList<>();
    private final Consumer<HttpRouting.Builder> extraRoutes;

    /**
     * @param metrics the handler for {@code telemetryPath}
     * @param name e.g. "Node Exporter", for the landing page
     */
    public ExporterServer(List<ListenAddress> addresses, WebConfigSource source, String telemetryPath,
            Handler metrics, String name, String description, String version) {
        this(addresses, source, telemetryPath, metrics, name, description, version, routing -> { });
    }

    /**
     * A server that also serves {@code extraRoutes} (the hub's API and UI), behind the same
     * web-config security, before the catch-all 404.
     */
    public ExporterServer(List<ListenAddress> addresses, WebConfigSource source, String telemetryPath,
            Handler metrics, String name, String description, String version,
            Consumer<HttpRouting.Builder> extraRoutes) {
        this.extraRoutes = extraRoutes;
        this.addresses = List.copyOf(addresses);
        this.source = source;
        this.metrics = metrics;
        this.telemetryPath = telemetryPath;
        this.landing = new LandingPage(name, description, version, telemetryPath);
    }

    /**
     * Binds every address and starts serving.
     *
     * @throws UncheckedIOException if an address cannot be bound
     */
    public synchronized ExporterServer start() {
        WebSecurity security = source.current();
        for (ListenAddress address : addresses) {
            listeners.add(startListener(address, address.port(), security));
        }
        source.onChange(this::onConfigChange);
        source.start();
        return this;
    }

    /** The bound ports, in the order of the listen addresses. */
    public synchronized List<Integer> ports() {
        return listeners.stream().map(listener -> listener.server.port()).toList();
    }

    /** The routes every listener serves. */
    void routing(HttpRouting.Builder routing) {
        routing.addFilter(new HealthBypassFilter(new SecurityFilter(source)))
                .get("/-/healthy", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                        .send("Healthy\n"))
                .get(telemetryPath, metrics);
        extraRoutes.accept(routing);
        if (!telemetryPath.equals("/")) {
            routing.get("/", landing);
        }
        routing.any((req, res) -> res.status(Status.NOT_FOUND_404)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send("404 page not found\n"));
    }

    private Listener startListener(ListenAddress address, int port, WebSecurity security) {
        Optional<TlsServerConfig> tlsConfig = security.config().tls();
        TlsState state = security.tls().map(TlsState::new).orElse(null);
        WebServerConfig.Builder builder = WebServer.builder()
                .port(port)
                .shutdownHook(false)
                .shutdownGracePeriod(Duration.ofSeconds(2))
                .protocolsDiscoverServices(false)
                // A response written in two segments (headers, body) otherwise waits for the
                // scraper's delayed ACK under Nagle's algorithm: ~40 ms per keep-alive scrape.
                // Go's servers set TCP_NODELAY on every connection too.
                .connectionOptions(options -> options.tcpNoDelay(true))
                // Helidon 4.4.0's plain NIO socket writes a staged buffer once and moves on: when
                // the kernel takes part of it (a large response to a slower reader), the rest is
                // lost and the body arrives with bytes missing. Without TLS the blocking socket is
                // used instead; the TLS NIO socket drains its buffer (and applies our TLS
                // parameters, which the blocking TLS socket does not).
                .useNio(state != null)
                // Raw [ and ] in "collect[]=cpu" are what scrapers send; do not reject them.
                .addProtocol(Http1Config.builder().validatePrologue(false).build())
                .contentEncoding(ContentEncodingContext.builder().contentEncodingsDiscoverServices(false)
                        .addContentEncoding(new PassThroughEncoding()).build())
                .routing(this::routing);
        boolean http2 = security.config().http2();
        if (http2) {
            builder.addProtocol(Http2Config.builder().build());
        }
        try {
            builder.address(address.bindAddress());
            if (state != null) {
                SSLContext context = TlsContexts.serverContext(state);
                builder.tls(Tls.builder().sslContext(context)
                        .sslParameters(TlsContexts.parameters(context, tlsConfig.get())).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve listen address " + address.host(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
        WebServer server = builder.build().start();
        if (!server.isRunning() || server.port() <= 0) {
            // Helidon logs the bind error and returns a stopped server instead of throwing.
            server.stop();
            throw new UncheckedIOException(new java.net.BindException("cannot listen on "
                    + address.display(port) + ": address in use or not available"));
        }
        String shown = address.display(server.port());
        LOG.info("Listening on", "address", shown);
        if (state != null) {
            LOG.info("TLS is enabled.", "http2", http2, "address", shown,
                    "client_auth", tlsConfig.get().clientAuth().configName(), "auth", security.describeAuth());
        } else {
            LOG.info("TLS is disabled.", "http2", http2, "address", shown, "auth", security.describeAuth());
        }
        return new Listener(address, server, state);
    }

    private synchronized void onConfigChange(WebSecurity previous, WebSecurity next) {
        if (handshakeShape(previous).equals(handshakeShape(next))) {
            TlsMaterial material = next.tls().orElse(null);
            for (Listener listener : listeners) {
                if (listener.tls != null && material != null) {
                    listener.tls.set(material);
                }
            }
            return;
        }
        LOG.info("TLS settings changed; restarting listeners");
        List<Listener> old = new ArrayList<>(listeners);
        listeners.clear();
        for (Listener listener : old) {
            int port = listener.server.port();
            listener.server.stop();
            try {
                listeners.add(startListener(listener.address, port, next));
            } catch (RuntimeException e) {
                LOG.error("cannot restart listener", "address", listener.address.display(port), "err", e.getMessage());
            }
        }
    }

    /** What new handshake parameters depend on; the material itself is swapped in place. */
    private static Object handshakeShape(WebSecurity security) {
        Optional<TlsServerConfig> tls = security.config().tls();
        return List.of(security.config().http2(), tls.map(t -> List.of(t.minVersion(), t.maxVersion(),
                t.cipherSuites(), t.namedGroups(), t.clientAuth())).map(Objects::toString).orElse("plain"));
    }

    @Override
    public synchronized void close() {
        source.close();
        for (Listener listener : listeners) {
            listener.server.stop();
        }
        listeners.clear();
    }

    private record Listener(ListenAddress address, WebServer server, TlsState tls) {
    }
}
