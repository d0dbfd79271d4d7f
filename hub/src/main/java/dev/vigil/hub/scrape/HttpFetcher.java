package dev.vigil.hub.scrape;

import dev.vigil.hub.config.Credentials;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.ScrapeTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * Fetches an exposition over HTTP ({@link Http1Client}, keep-alive) as Prometheus does: {@code Accept} for the text format, gzip,
 * {@code X-Prometheus-Scrape-Timeout-Seconds}, our User-Agent, the scrape timeout on the whole
 * request. Errors read like Prometheus' ({@code server returned HTTP status 404 Not Found},
 * {@code Get "URL": context deadline exceeded}).
 */
public final class HttpFetcher implements ScrapeLoop.Fetcher, AutoCloseable {
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
    private final Map<HubConfig.TlsConfig, SSLContext> sslContexts = new ConcurrentHashMap<>();
    private final Http1Client http = new Http1Client();
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

    /** The SSL context for a TLS setting, shared by every scrape with that setting. */
    private SSLContext sslContext(HubConfig.TlsConfig tls) throws IOException {
        try {
            return sslContexts.computeIfAbsent(tls, t -> {
                try {
                    return ScrapeTls.context(t);
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw new IOException("tls_config: " + e.getMessage(), e);
        }
    }

    @Override
    public ScrapeBody fetch(ScrapeTarget target) throws IOException {
        URI url = target.url();
        long deadline = System.nanoTime() + target.timeout().toNanos();
        double timeout = target.timeout().toMillis() / 1000.0;
        List<String[]> headers = new ArrayList<>(6);
        headers.add(new String[] {"Accept", ACCEPT});
        headers.add(new String[] {"Accept-Encoding", "gzip"});
        headers.add(new String[] {"User-Agent", userAgent});
        headers.add(new String[] {"X-Prometheus-Scrape-Timeout-Seconds", String.format(Locale.ROOT, "%g", timeout)});
        String authorization = Credentials.authorization(target.config().http());
        if (authorization != null) {
            headers.add(new String[] {"Authorization", authorization});
        }
        HubConfig.TlsConfig tlsConfig = target.config().http().tls();
        URI current = url;
        for (int redirects = 0;; redirects++) {
            boolean https = "https".equalsIgnoreCase(current.getScheme());
            SSLContext tls = https ? sslContext(tlsConfig) : null;
            Http1Client.Response response;
            try {
                response = http.get(current, headers, tls, https ? String.valueOf(tlsConfig.hashCode()) : "",
                        !tlsConfig.insecureSkipVerify(), deadline);
            } catch (SocketTimeoutException e) {
                throw new IOException("Get \"" + url + "\": context deadline exceeded", e);
            } catch (ConnectException e) {
                throw new IOException("Get \"" + url + "\": dial tcp " + current.getHost() + ":" + current.getPort()
                        + ": connect: connection refused", e);
            } catch (javax.net.ssl.SSLHandshakeException e) {
                throw new IOException("Get \"" + url + "\": " + tlsReason(e), e);
            } catch (IOException e) {
                throw new IOException("Get \"" + url + "\": " + e.getMessage(), e);
            }
            int status = response.status;
            String location = response.header("Location");
            if (status >= 300 && status < 400 && status != 304 && location != null && redirects < Http1Client.MAX_REDIRECTS) {
                http.finish(response, false);
                current = current.resolve(location);
                continue;
            }
            if (status != 200) {
                http.finish(response, false);
                throw new IOException("server returned HTTP status " + status + " " + HttpStatus.text(status));
            }
            boolean gzip = "gzip".equalsIgnoreCase(response.header("Content-Encoding"));
            long limit = target.config().limits().bodySizeLimit();
            boolean complete = false;
            try {
                ScrapeBody body = read(gzip ? new GZIPInputStream(response.body, 8192) : response.body, limit,
                        response.header("Content-Type"));
                complete = response.body.done() || drained(response.body);
                return body;
            } catch (SocketTimeoutException e) {
                throw new IOException("Get \"" + url + "\": context deadline exceeded", e);
            } finally {
                http.finish(response, complete);
            }
        }
    }

    /** Reads what little may follow a gzip stream's end; true when the body is then complete. */
    private static boolean drained(HttpBodies.Body body) throws IOException {
        byte[] rest = new byte[512];
        for (int i = 0; i < 8; i++) {
            if (body.read(rest) < 0) {
                return body.done();
            }
        }
        return false;
    }

    @Override
    public void close() {
        http.close();
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
