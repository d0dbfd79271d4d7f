package dev.vigil.hub.scrape;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A small blocking HTTP/1.1 client for scrapes: GET only, keep-alive connections kept per origin
 * and TLS setting, one deadline over connect, request and the whole response (a target that
 * drips its body still fails at the scrape timeout), redirects followed. Scrape loops run on
 * virtual threads, so blocking reads cost no carrier thread; against the JDK's HttpClient this
 * saves its per-request futures, executor hops and selector thread (BENCHMARKS.md, fleet).
 */
final class Http1Client implements Closeable {
    static final int MAX_REDIRECTS = 10;
    /** An idle connection older than this is closed instead of reused (servers time out at 60-120 s). */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(50);

    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();

    /** A response whose body is read (or drained) by the caller, then {@link #finish}ed. */
    static final class Response {
        final int status;
        final Map<String, String> headers;
        final HttpBodies.Body body;
        private final Connection connection;
        private final boolean keepAlive;

        Response(int status, Map<String, String> headers, HttpBodies.Body body, Connection connection, boolean keepAlive) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.connection = connection;
            this.keepAlive = keepAlive;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static final class Connection implements Closeable {
        final String origin;
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long idleSince;

        Connection(String origin, Socket socket) throws IOException {
            this.origin = origin;
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 << 10);
            this.out = socket.getOutputStream();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    /**
     * Sends {@code GET url} with {@code headers} over a pooled or new connection; {@code tls} is null
     * for http. The response's body stream enforces {@code deadlineNanos} on every read.
     */
    Response get(URI url, List<String[]> headers, SSLContext tls, String tlsKey, boolean verifyHost, long deadlineNanos)
            throws IOException {
        String host = url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : tls != null ? 443 : 80;
        String origin = (tls != null ? "https://" : "http://") + host + ":" + port + "#" + tlsKey;
        byte[] request = request(url, host, port, headers);
        Connection reused = poll(origin);
        if (reused != null) {
            try {
                return exchange(reused, request, deadlineNanos);
            } catch (SocketTimeoutException e) {
                reused.close();
                throw e;
            } catch (IOException e) {
                reused.close(); // the server closed the idle connection: once more on a new one
            }
        }
        Connection fresh = connect(origin, host, port, tls, verifyHost, deadlineNanos);
        try {
            return exchange(fresh, request, deadlineNanos);
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    private Connection poll(String origin) {
        ConcurrentLinkedDeque<Connection> pool = idle.get(origin);
        if (pool == null) {
            return null;
        }
        Connection c;
        while ((c = pool.pollFirst()) != null) {
            if (System.nanoTime() - c.idleSince < IDLE_NANOS && !c.socket.isClosed()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    /** Takes back a response's connection once its body was read to the end. */
    void finish(Response response, boolean bodyRead) {
        if (response.keepAlive && bodyRead) {
            response.connection.idleSince = System.nanoTime();
            idle.computeIfAbsent(response.connection.origin, o -> new ConcurrentLinkedDeque<>()).offerFirst(response.connection);
        } else {
            response.connection.close();
        }
    }

    private static Connection connect(String origin, String host, int port, SSLContext tls, boolean verifyHost,
            long deadlineNanos) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), remainingMillis(deadlineNanos));
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                if (verifyHost) {
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                }
                if (!isIpLiteral(host)) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(remainingMillis(deadlineNanos));
                ssl.startHandshake();
                socket = ssl;
            }
            return new Connection(origin, socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static byte[] request(URI url, String host, int port, List<String[]> headers) {
        StringBuilder r = new StringBuilder(256).append("GET ");
        String path = url.getRawPath();
        r.append(path == null || path.isEmpty() ? "/" : path);
        if (url.getRawQuery() != null) {
            r.append('?').append(url.getRawQuery());
        }
        r.append(" HTTP/1.1\r\nHost: ").append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        if (url.getPort() > 0) {
            r.append(':').append(port);
        }
        r.append("\r\n");
        for (String[] h : headers) {
            r.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        return r.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Response exchange(Connection c, byte[] request, long deadlineNanos) throws IOException {
        c.socket.setSoTimeout(remainingMillis(deadlineNanos));
        c.out.write(request);
        c.out.flush();
        String statusLine = readLine(c.in);
        if (statusLine == null) {
            throw new IOException("EOF");
        }
        // HTTP/1.1 200 OK
        int sp = statusLine.indexOf(' ');
        if (!statusLine.startsWith("HTTP/1.") || sp < 0 || statusLine.length() < sp + 4) {
            throw new IOException("malformed HTTP response " + quote(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(sp + 1, sp + 4));
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP status code " + quote(statusLine.substring(sp + 1)));
        }
        Map<String, String> headers = new java.util.HashMap<>();
        String line;
        int count = 0;
        while ((line = readLine(c.in)) != null && !line.isEmpty()) {
            if (++count > 200) {
                throw new IOException("too many response headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        if (line == null) {
            throw new IOException("unexpected EOF");
        }
        boolean http10 = statusLine.startsWith("HTTP/1.0");
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        HttpBodies.Body body;
        String transfer = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (transfer.contains("chunked")) {
            body = new HttpBodies.Chunked(c.in, deadlineNanos, c.socket);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length " + quote(headers.get("content-length")));
            }
            body = new HttpBodies.Fixed(c.in, length, deadlineNanos, c.socket);
        } else if (status == 204 || status == 304) {
            body = new HttpBodies.Fixed(c.in, 0, deadlineNanos, c.socket);
        } else {
            body = new HttpBodies.Fixed(c.in, Long.MAX_VALUE, deadlineNanos, c.socket);
            keepAlive = false;
        }
        return new Response(status, headers, body, c, keepAlive);
    }

    /** A CRLF- (or LF-) terminated header line, at most 64 KiB; null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= 64 << 10) {
                throw new IOException("response header line too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        List<ConcurrentLinkedDeque<Connection>> pools = new ArrayList<>(idle.values());
        idle.clear();
        for (ConcurrentLinkedDeque<Connection> pool : pools) {
            Connection c;
            while ((c = pool.pollFirst()) != null) {
                c.close();
            }
        }
    }
}
