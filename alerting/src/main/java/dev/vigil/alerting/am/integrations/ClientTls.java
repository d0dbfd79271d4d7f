package dev.vigil.alerting.am.integrations;

import dev.vigil.alerting.am.config.TlsConfig;
import dev.vigil.exporter.tls.PemReader;
import dev.vigil.exporter.tls.TrustedCas;
import java.io.IOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The client side of prometheus/common's {@code tls_config} for receivers: the CA file (else the
 * JDK's trust store), a client certificate and key (PEM: PKCS#1, PKCS#8 or SEC1, read with
 * {@link PemReader}), {@code server_name} for the certificate name check, {@code
 * insecure_skip_verify} and {@code min_version}. Host names are checked here rather than by the
 * JDK, so that {@code server_name} can replace the connection's host as in Go.
 */
public final class ClientTls {
    private static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private final SSLContext context;
    private final String[] protocols;

    private ClientTls(SSLContext context, String[] protocols) {
        this.context = context;
        this.protocols = protocols;
    }

    /**
     * Builds the context. {@code fallbackHost} is the name the certificate must carry when no
     * {@code server_name} is set; null means the host the connection went to.
     *
     * @throws IOException when a file cannot be read or parsed (the message names it, never its content)
     */
    public static ClientTls create(TlsConfig tls, String fallbackHost) throws IOException {
        try {
            KeyManager[] keys = null;
            if (!tls.certFile().isEmpty() || !tls.keyFile().isEmpty()) {
                if (tls.certFile().isEmpty() || tls.keyFile().isEmpty()) {
                    throw new IOException("client cert file and key file must both be set");
                }
                List<X509Certificate> chain = PemReader.certificates(read(tls.certFile()), tls.certFile());
                PrivateKey key = PemReader.privateKey(read(tls.keyFile()), tls.keyFile());
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("client", key, new char[0], chain.toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store, new char[0]);
                keys = kmf.getKeyManagers();
            }
            X509TrustManager chainCheck;
            if (!tls.caFile().isEmpty()) {
                chainCheck = x509(TrustedCas.fromPem(Path.of(tls.caFile())));
            } else {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                chainCheck = x509(tmf.getTrustManagers());
            }
            String expected = !tls.serverName().isEmpty() ? tls.serverName() : fallbackHost;
            TrustManager trust = new Verifier(chainCheck, tls.insecureSkipVerify(), expected);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trust}, null);
            return new ClientTls(context, protocols(tls.minVersion()));
        } catch (GeneralSecurityException e) {
            throw new IOException("tls_config: " + e.getMessage(), e);
        }
    }

    public SSLContext context() {
        return context;
    }

    /** Handshake parameters: the protocol range from {@code min_version} (Go's default is TLS 1.2). */
    public SSLParameters parameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(protocols);
        return p;
    }

    public String[] protocols() {
        return protocols.clone();
    }

    private static String[] protocols(String minVersion) throws IOException {
        int min = switch (minVersion) {
            case "" -> 2;
            case "TLS10" -> 0;
            case "TLS11" -> 1;
            case "TLS12" -> 2;
            case "TLS13" -> 3;
            default -> throw new IOException("unknown TLS version: " + minVersion);
        };
        List<String> out = new ArrayList<>();
        for (int i = VERSIONS.size() - 1; i >= min; i--) {
            out.add(VERSIONS.get(i));
        }
        return out.toArray(String[]::new);
    }

    /**
     * Go's words for a failed handshake: {@code failed to verify certificate: x509: ...} when the
     * server's certificate was refused, the JDK's message otherwise.
     */
    public static String handshakeReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.startsWith("x509:")) {
                return "failed to verify certificate: " + m;
            }
        }
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "failed to verify certificate: x509: certificate signed by unknown authority";
            }
            root = t;
        }
        return String.valueOf(root.getMessage());
    }

    private static X509TrustManager x509(TrustManager[] managers) throws IOException {
        return Arrays.stream(managers).filter(m -> m instanceof X509TrustManager).map(m -> (X509TrustManager) m)
                .findFirst().orElseThrow(() -> new IOException("no X.509 trust manager"));
    }

    private static String read(String file) throws IOException {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IOException("unable to read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the chain with the CA set, then the name: {@code expected} or, when null, the peer
     * host. With insecure_skip_verify, nothing is checked (Go's InsecureSkipVerify).
     */
    private static final class Verifier extends X509ExtendedTrustManager {
        private final X509TrustManager chain;
        private final boolean insecure;
        private final String expected;

        Verifier(X509TrustManager chain, boolean insecure, String expected) {
            this.chain = chain;
            this.insecure = insecure;
            this.expected = expected;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket)
                throws CertificateException {
            String peer = socket instanceof SSLSocket s && s.getHandshakeSession() != null
                    ? s.getHandshakeSession().getPeerHost() : null;
            check(certs, authType, peer);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
                throws CertificateException {
            check(certs, authType, engine == null ? null : engine.getPeerHost());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
            check(certs, authType, null);
        }

        private void check(X509Certificate[] certs, String authType, String peer) throws CertificateException {
            if (insecure) {
                return;
            }
            try {
                chain.checkServerTrusted(certs, authType);
            } catch (CertificateException e) {
                throw new CertificateException("x509: certificate signed by unknown authority", e);
            }
            String name = expected != null ? expected : peer;
            if (name == null || name.isEmpty()) {
                throw new CertificateException("x509: no server name to verify the certificate against");
            }
            if (!HostNames.matches(certs[0], name)) {
                throw new CertificateException("x509: certificate is not valid for " + name);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return chain.getAcceptedIssuers();
        }
    }

    /** RFC 6125 name matching as Go's {@code VerifyHostname}: IP SANs for addresses, DNS SANs with one left-most wildcard. */
    static final class HostNames {
        private HostNames() {
        }

        static boolean matches(X509Certificate cert, String host) throws CertificateException {
            String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            boolean ip = isIpLiteral(h);
            try {
                if (cert.getSubjectAlternativeNames() == null) {
                    return false; // Go ignores the common name since 1.15
                }
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    int type = (Integer) san.get(0);
                    String value = String.valueOf(san.get(1));
                    if (ip && type == 7 && sameAddress(value, h)) {
                        return true;
                    }
                    if (!ip && type == 2 && dnsMatch(value, h)) {
                        return true;
                    }
                }
            } catch (CertificateParsingException e) {
                throw new CertificateException("x509: " + e.getMessage(), e);
            }
            return false;
        }

        private static boolean isIpLiteral(String h) {
            return h.contains(":") || h.matches("[0-9.]+");
        }

        private static boolean sameAddress(String a, String b) {
            try {
                return InetAddress.getByName(a).equals(InetAddress.getByName(b));
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static boolean dnsMatch(String pattern, String host) {
            String p = IDN.toASCII(pattern).toLowerCase(Locale.ROOT);
            String h = IDN.toASCII(host).toLowerCase(Locale.ROOT);
            if (p.endsWith(".")) {
                p = p.substring(0, p.length() - 1);
            }
            if (h.endsWith(".")) {
                h = h.substring(0, h.length() - 1);
            }
            if (p.startsWith("*.")) {
                int dot = h.indexOf('.');
                return dot > 0 && h.substring(dot).equals(p.substring(1));
            }
            return p.equals(h);
        }
    }
}
