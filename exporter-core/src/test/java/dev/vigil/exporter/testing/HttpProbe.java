package dev.vigil.exporter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A deliberately plain HTTP/1.1 client over a real socket, with every TLS knob exposed (protocol
 * versions, cipher suites, named groups, client certificate), so tests can offer exactly what an
 * old or misconfigured scraper would.
 */
public final class HttpProbe {
    private TestCa trust;
    private TestCa.Leaf clientCert;
    private String[] protocols;
    private String[] cipherSuites;
    private String[] namedGroups;
    private boolean tls;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private volatile javax.net.ssl.SSLSession lastSession;

    private HttpProbe(boolean tls) {
        this.tls = tls;
    }

    public static HttpProbe plain() {
        return new HttpProbe(false);
    }

    /** TLS, trusting server certificates issued by {@code ca}. */
    public static HttpProbe tls(TestCa ca) {
        HttpProbe probe = new HttpProbe(true);
        probe.trust = ca;
        return probe;
    }

    public HttpProbe clientCert(TestCa.Leaf leaf) {
        this.clientCert = leaf;
        return this;
    }

    public HttpProbe protocols(String... protocols) {
        this.protocols = protocols;
        return this;
    }

    public HttpProbe cipherSuites(String... suites) {
        this.cipherSuites = suites;
        return this;
    }

    public HttpProbe namedGroups(String... groups) {
        this.namedGroups = groups;
        return this;
    }

    public HttpProbe header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The TLS session of the last connection (protocol, cipher suite, server certificate). */
    public javax.net.ssl.SSLSession lastSession() {
        return lastSession;
    }

    /** The server certificate seen on the last connection. */
    public X509Certificate lastServerCertificate() throws IOException {
        return (X509Certificate) lastSession.getPeerCertificates()[0];
    }

    /** Sends {@code GET path} and reads the whole answer; a refused handshake throws. */
    public Response get(int port, String path) throws IOException {
        try (Socket socket = open(port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return Response.read(socket.getInputStream());
        }
    }

    private Socket open(int port) throws IOException {
        Socket raw = new Socket();
        raw.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        if (!tls) {
            return raw;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("ca", trust.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            javax.net.ssl.KeyManager[] keyManagers = null;
            if (clientCert != null) {
                // Always offer the certificate, whatever CAs the server names: a scraper with a
                // wrong certificate must be seen sending it, so the refusal is the server's.
                keyManagers = new javax.net.ssl.KeyManager[] {new AlwaysOffer(clientCert)};
            }
            context.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, "localhost", port, true);
            SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            if (protocols != null) {
                params.setProtocols(protocols);
            }
            if (cipherSuites != null) {
                params.setCipherSuites(cipherSuites);
            }
            if (namedGroups != null) {
                params.setNamedGroups(namedGroups);
            }
            socket.setSSLParameters(params);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            lastSession = socket.getSession();
            return socket;
        } catch (IOException e) {
            raw.close();
            throw e;
        } catch (Exception e) {
            raw.close();
            throw new IOException(e);
        }
    }

    /** A client key manager that offers its one certificate to every server. */
    private static final class AlwaysOffer extends javax.net.ssl.X509ExtendedKeyManager {
        private final TestCa.Leaf leaf;

        AlwaysOffer(TestCa.Leaf leaf) {
            this.leaf = leaf;
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                javax.net.ssl.SSLEngine engine) {
            return "client";
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {leaf.certificate()};
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return leaf.key();
        }
    }

    /** A parsed HTTP answer; header names are lower case. */
    public record Response(int status, Map<String, List<String>> headers, byte[] rawBody) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The body, gunzipped if the answer says so. */
        public String body() throws IOException {
            byte[] bytes = rawBody;
            if ("gzip".equals(header("content-encoding"))) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(rawBody))) {
                    bytes = in.readAllBytes();
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static Response read(InputStream raw) throws IOException {
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw);
            String statusLine = line(in);
            if (statusLine == null || !statusLine.startsWith("HTTP/")) {
                throw new IOException("no HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String headerLine;
            while ((headerLine = line(in)) != null && !headerLine.isEmpty()) {
                int colon = headerLine.indexOf(':');
                headers.computeIfAbsent(headerLine.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(headerLine.substring(colon + 1).trim());
            }
            byte[] body;
            List<String> length = headers.get("content-length");
            List<String> encoding = headers.get("transfer-encoding");
            if (length != null) {
                body = in.readNBytes(Integer.parseInt(length.get(0)));
            } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int size;
                while ((size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0) {
                    out.write(in.readNBytes(size));
                    line(in);
                }
                body = out.toByteArray();
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body);
        }

        /** One CRLF-terminated line, or null at end of stream. */
        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = out.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
                }
                out.write(b);
            }
            return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
