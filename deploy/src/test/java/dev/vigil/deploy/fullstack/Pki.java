package dev.vigil.deploy.fullstack;

import dev.vigil.exporter.testing.TestCa;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The full stack's mutual TLS, as an operator would set it up: one CA ({@code ca.crt}); per VM a
 * server certificate for 127.0.0.1 (every exporter of a VM listens on its loopback address; the
 * hub takes no {@code tls_config.server_name}, so the IP SAN is what it verifies); one client
 * certificate for the hub. Each VM's exporters share one web-config.yml that serves its
 * certificate and requires and verifies a client certificate issued by the CA.
 */
final class Pki {
    static final String CA = "ca.crt";
    static final String HUB_CERT = "hub-client.crt";
    static final String HUB_KEY = "hub-client.key";

    private final TestCa ca = TestCa.create("vigil full-stack CA");
    private final TestCa.Leaf hubClient = ca.leaf("vigil-hub").client().issue();
    private final Path dir;

    /** Writes the CA certificate and the hub's client certificate and key into {@code dir}. */
    Pki(Path dir) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve(CA), ca.pem());
        hubClient.write(dir, "hub-client");
    }

    Path dir() {
        return dir;
    }

    /**
     * Writes {@code <vm>.crt}, {@code <vm>.key} (a server certificate for 127.0.0.1 only) into the
     * PKI directory and returns the web-config.yml the VM's exporters use, naming the files as the
     * VM sees them under {@code mountedAt}.
     */
    String serverFor(String vm, String mountedAt) throws IOException {
        ca.leaf(vm).ip("127.0.0.1").issue().write(dir, vm);
        return "tls_server_config:\n"
                + "  cert_file: " + mountedAt + "/" + vm + ".crt\n"
                + "  key_file: " + mountedAt + "/" + vm + ".key\n"
                + "  client_auth_type: RequireAndVerifyClientCert\n"
                + "  client_ca_file: " + mountedAt + "/" + CA + "\n";
    }

    /** A client trusting only the CA, with the hub's client certificate when {@code withClientCert}. */
    SSLContext client(boolean withClientCert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (withClientCert) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("hub", hubClient.key(), new char[0],
                    new Certificate[] {hubClient.certificate(), ca.certificate()});
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A GET over TLS with the JDK's hostname check (127.0.0.1 must be in the server's SANs). */
    static String get(SSLContext tls, String url) throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) URI.create(url).toURL().openConnection();
        c.setSSLSocketFactory(tls.getSocketFactory());
        c.setConnectTimeout(5000);
        c.setReadTimeout(20000);
        try {
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (status != 200) {
                    throw new IOException(url + ": HTTP " + status + ": " + body);
                }
                return body;
            }
        } finally {
            c.disconnect();
        }
    }
}
