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
import javax.net.ssl.KeyManagerFactory;
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
            KeyManagerFactory kmf = null;
            if (clientCert != null) {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setKeyEntry("client", clientCert.key(), new char[0],
                        new X509Certificate[] {clientCert.certificate()});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, new char[0]);
            }
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
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
            return socket;
        } catch (IOException e) {
            raw.close();
            throw e;
        } catch (Exception e) {
            raw.close();
            throw new IOException(e);
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

        static Response read(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (end < 0) {
                throw new IOException("no HTTP header in answer (" + all.length + " bytes)");
            }
            String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            List<String> encoding = headers.get("transfer-encoding");
            if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
                body = dechunk(body);
            }
            return new Response(status, headers, body);
        }

        private static byte[] dechunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pos = 0;
            while (pos < body.length) {
                int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, pos, body.length), new byte[] {'\r', '\n'});
                String sizeLine = new String(body, pos, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
                int size = Integer.parseInt(sizeLine, 16);
                pos += lineEnd + 2;
                if (size == 0) {
                    break;
                }
                out.write(body, pos, size);
                pos += size + 2;
            }
            return out.toByteArray();
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
