package dev.vigil.hub.scrape;

import dev.vigil.hub.config.Credentials;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.ScrapeTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Fetches an exposition over HTTP as Prometheus does: {@code Accept} for the text format, gzip,
 * {@code X-Prometheus-Scrape-Timeout-Seconds}, our User-Agent, the scrape timeout on the whole
 * request. Errors read like Prometheus' ({@code server returned HTTP status 404 Not Found},
 * {@code Get "URL": context deadline exceeded}).
 */
public final class HttpFetcher implements ScrapeLoop.Fetcher {
    /** Prometheus 2.42's default: OpenMetrics first, then the text format. */
    static final String ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    /** Buffers kept for reuse; a hub scrapes few targets at the same instant, so few are needed. */
    private static final int POOLED_BUFFERS = 16;
    private static final int MAX_POOLED_BUFFER = 16 << 20;

    private final java.util.concurrent.ConcurrentLinkedDeque<byte[]> buffers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger pooled = new java.util.concurrent.atomic.AtomicInteger();

    /** One client per TLS setting (a client holds its SSL context); plain HTTP shares the first. */
    private final Map<HubConfig.TlsConfig, HttpClient> clients = new ConcurrentHashMap<>();
    private final String userAgent;

    public HttpFetcher(String version) {
        this.userAgent = "vigil-hub/" + version;
    }

    /** A client for {@code tls}, shared by every scrape (and discovery request) with that setting. */
    public HttpClient client(HubConfig.TlsConfig tls) throws IOException {
        try {
            return clients.computeIfAbsent(tls, t -> {
                HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NORMAL);
                if (!t.equals(HubConfig.TlsConfig.NONE)) {
                    try {
                        builder.sslContext(ScrapeTls.context(t));
                    } catch (IOException | GeneralSecurityException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }
                return builder.build();
            });
        } catch (IllegalStateException e) {
            throw new IOException("tls_config: " + e.getMessage(), e);
        }
    }

    /** Go's words for the common handshake failures, the JDK's otherwise. */
    private static String tlsReason(javax.net.ssl.SSLHandshakeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("PKIX path building failed") || message.contains("unable to find valid certification path")) {
            return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
        }
        if (message.contains("No subject alternative")) {
            return "tls: failed to verify certificate: x509: certificate is not valid for this host (" + message + ")";
        }
        return "remote error: tls: " + message;
    }

    @Override
    public ScrapeBody fetch(ScrapeTarget target) throws IOException {
        URI url = target.url();
        double timeout = target.config().scrapeTimeout().toMillis() / 1000.0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(target.config().scrapeTimeout())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", userAgent)
                .header("X-Prometheus-Scrape-Timeout-Seconds", String.format(Locale.ROOT, "%g", timeout));
        String authorization = Credentials.authorization(target.config().http());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpClient client = client(target.config().http().tls());
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException("Get \"" + url + "\": context deadline exceeded", e);
        } catch (ConnectException e) {
            throw new IOException("Get \"" + url + "\": dial tcp " + url.getHost() + ":" + url.getPort()
                    + ": connect: connection refused", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Get \"" + url + "\": interrupted", e);
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new IOException("Get \"" + url + "\": " + tlsReason(e), e);
        } catch (IOException e) {
            throw new IOException("Get \"" + url + "\": " + e.getMessage(), e);
        }
        try (InputStream raw = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("server returned HTTP status " + response.statusCode() + " "
                        + HttpStatus.text(response.statusCode()));
            }
            boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            long limit = target.config().limits().bodySizeLimit();
            try (InputStream in = gzip ? new GZIPInputStream(raw, 8192) : raw) {
                return read(in, limit, contentType);
            }
        }
    }

    /** The whole body into a pooled buffer (one spare byte at the end for the parser). */
    private ScrapeBody read(InputStream in, long limit, String contentType) throws IOException {
        byte[] buffer = buffers.pollFirst();
        if (buffer == null) {
            buffer = new byte[64 << 10];
        } else {
            pooled.decrementAndGet();
        }
        long max = limit > 0 ? limit : Integer.MAX_VALUE - 16;
        int length = 0;
        while (true) {
            if (length + 1 >= buffer.length) {
                if (buffer.length >= max + 1) {
                    release(buffer);
                    throw new IOException("body size limit exceeded");
                }
                buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, max + 2));
            }
            int n = in.read(buffer, length, buffer.length - length - 1);
            if (n < 0) {
                break;
            }
            length += n;
            if (length > max) {
                release(buffer);
                throw new IOException("body size limit exceeded");
            }
        }
        return new ScrapeBody(buffer, length, contentType);
    }

    @Override
    public void release(ScrapeBody body) {
        release(body.bytes());
    }

    private void release(byte[] buffer) {
        if (buffer.length <= MAX_POOLED_BUFFER && pooled.incrementAndGet() <= POOLED_BUFFERS) {
            buffers.offerFirst(buffer);
        } else if (buffer.length <= MAX_POOLED_BUFFER) {
            pooled.decrementAndGet();
        }
    }
}
