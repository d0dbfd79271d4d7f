package dev.vigil.alerting.am.webhook;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.am.config.HttpClientConfig;
import dev.vigil.alerting.am.config.WebhookConfig;
import dev.vigil.alerting.am.integrations.ClientTls;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.alerting.am.notify.NotifyContext;
import dev.vigil.alerting.am.notify.NotifyException;
import dev.vigil.alerting.am.notify.TemplateData;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * A {@code webhook_configs} entry: POSTs Alertmanager's version 4 JSON message. As
 * Alertmanager's Retrier: 2xx is delivered, 5xx and transport errors are retried, anything else
 * is not. The URL may hold a token, so errors never show it ({@code <secret>} as Alertmanager
 * prints a secret URL, {@code "<redacted>"} in transport errors as its RedactURL does).
 */
public final class WebhookIntegration implements Integration {
    /** How much of an error response's body goes into the error message. */
    static final int BODY_EXCERPT = 256;

    private final WebhookConfig config;
    private final int index;
    private final String externalURL;
    private final String userAgent;
    private final Supplier<Instant> clock;
    private final HttpClient client;

    /**
     * Builds the HTTP client (TLS files are read here).
     *
     * @param clock the clock {@link NotifyContext#deadline()} is measured on
     * @throws IOException when the {@code tls_config} files cannot be read or parsed, or proxy_url is bad
     */
    public WebhookIntegration(WebhookConfig config, int index, String externalURL, String userAgent,
            Supplier<Instant> clock) throws IOException {
        this.config = config;
        this.index = index;
        this.externalURL = externalURL;
        this.userAgent = userAgent;
        this.clock = clock;
        this.client = client(config.httpConfig());
    }

    private static HttpClient client(HttpClientConfig http) throws IOException {
        // Alertmanager turns HTTP/2 off for webhooks; Go follows any redirect (up to 10).
        // Virtual threads complete the exchanges: a burst of flushes would otherwise start a platform
        // thread per concurrent request in the client's default cached pool.
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .followRedirects(http.followRedirects() ? HttpClient.Redirect.ALWAYS : HttpClient.Redirect.NEVER);
        ClientTls tls = ClientTls.create(http.tlsConfig(), null);
        b.sslContext(tls.context()).sslParameters(tls.parameters());
        if (!http.proxyUrl().isEmpty()) {
            try {
                URI proxy = new URI(http.proxyUrl());
                int port = proxy.getPort() >= 0 ? proxy.getPort() : "https".equals(proxy.getScheme()) ? 443 : 80;
                b.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), port)));
            } catch (URISyntaxException | IllegalArgumentException | NullPointerException e) {
                throw new IOException("proxy_url: invalid URL", e);
            }
        }
        return b.build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public boolean sendResolved() {
        return config.sendResolved();
    }

    @Override
    public void notify(NotifyContext ctx, List<AmAlert> alerts) throws NotifyException {
        List<AmAlert> sent = alerts;
        long truncated = 0;
        long max = config.maxAlerts();
        if (max != 0 && Long.compareUnsigned(alerts.size(), max) > 0) {
            sent = alerts.subList(0, (int) max);
            truncated = alerts.size() - max;
        }
        TemplateData data = TemplateData.of(ctx.receiver(), ctx.groupLabels(), sent, externalURL, ctx.now());
        String body = WebhookPayload.json(data, ctx.groupKey(), truncated);

        String url = url();
        Duration timeout = Duration.between(clock.get(), ctx.deadline());
        if (timeout.isNegative() || timeout.isZero()) {
            throw new NotifyException("Post \"<redacted>\": context deadline exceeded", true);
        }
        HttpRequest request;
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(new URI(url)).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            String authorization = authorization(config.httpConfig());
            if (authorization != null) {
                rb.header("Authorization", authorization);
            }
            request = rb.build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            // The message would quote the URL.
            throw new NotifyException("Post \"<redacted>\": invalid URL", false);
        }
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, info -> new Excerpt(BODY_EXCERPT));
        try {
            // The request timeout covers the response head only; this bounds the body too.
            response = pending.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new NotifyException("Post \"<redacted>\": context deadline exceeded", true);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new NotifyException("Post \"<redacted>\": context canceled", true);
        } catch (ExecutionException e) {
            throw transportError(e.getCause());
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        byte[] head = response.body();
        String excerpt = new String(head, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (head.length >= BODY_EXCERPT) {
            excerpt += "...";
        }
        String message = "unexpected status code " + status + ": <secret>";
        if (!excerpt.isEmpty()) {
            message += ": " + excerpt;
        }
        throw new NotifyException(message, status / 100 == 5);
    }

    /** The URL, from {@code url_file} at send time when that is how it was given (trimmed, as Alertmanager does). */
    private String url() throws NotifyException {
        if (!config.url().isEmpty()) {
            return config.url().reveal();
        }
        try {
            return Files.readString(Path.of(config.urlFile())).strip();
        } catch (IOException e) {
            throw new NotifyException("read url_file: open " + config.urlFile() + ": " + reason(e), false);
        }
    }

    /**
     * The Authorization header prometheus/common's round trippers add: basic auth (password or
     * password_file, read at each request and trimmed) or {@code <type> <credentials>}.
     */
    static String authorization(HttpClientConfig http) throws NotifyException {
        if (http.hasAuthorization()) {
            String credentials = http.authorizationCredentials().reveal();
            if (!http.authorizationCredentialsFile().isEmpty()) {
                credentials = readSecretFile(http.authorizationCredentialsFile(), "authorization credentials");
            }
            return http.authorizationType() + " " + credentials;
        }
        if (http.hasBasicAuth()) {
            String password = http.basicAuthPassword().reveal();
            if (!http.basicAuthPasswordFile().isEmpty()) {
                password = readSecretFile(http.basicAuthPasswordFile(), "basic auth password");
            }
            String pair = http.basicAuthUsername() + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static String readSecretFile(String file, String what) throws NotifyException {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new NotifyException("unable to read " + what + " file " + file + ": " + reason(e), true);
        }
    }

    /** Go's words for a transport failure; never the URL (Alertmanager redacts it too). Always retried. */
    private static NotifyException transportError(Throwable e) {
        String reason;
        if (e instanceof HttpTimeoutException) {
            reason = "context deadline exceeded";
        } else if (e instanceof ConnectException) {
            reason = "connect: connection refused";
        } else if (e instanceof SSLException ssl) {
            reason = "tls: " + ClientTls.handshakeReason(ssl);
        } else if (e instanceof IOException io) {
            reason = ioReason(io);
        } else {
            reason = e == null ? "unknown error" : e.getClass().getSimpleName();
        }
        return new NotifyException("Post \"<redacted>\": " + reason, true);
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return String.valueOf(e.getMessage());
    }

    /** The JDK's transport message, which names neither the URL's path nor its query. */
    private static String ioReason(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return m.contains("/") || m.contains("?") ? e.getClass().getSimpleName() : m;
    }

    /** Keeps the first {@code limit} bytes of a body and discards the rest. */
    private static final class Excerpt implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;

        Excerpt(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                int n = Math.min(b.remaining(), limit - kept.size());
                if (n > 0) {
                    byte[] chunk = new byte[n];
                    b.get(chunk);
                    kept.write(chunk, 0, n);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }
    }
}
