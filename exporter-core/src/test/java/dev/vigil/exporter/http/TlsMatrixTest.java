package dev.vigil.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.exporter.testing.HttpProbe;
import dev.vigil.exporter.testing.TestCa;
import dev.vigil.exporter.testing.TestExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter-toolkit TLS matrix against a real listener and a real TLS client: versions,
 * ciphers, curves, and every client certificate policy. "Refused" means the handshake (or the
 * first read after it, where TLS 1.3 reports a rejected client certificate) fails.
 */
class TlsMatrixTest {
    @TempDir
    Path dir;

    private TlsFixture tls;

    @BeforeEach
    void setUp() throws Exception {
        tls = new TlsFixture(dir);
    }

    @Test
    void servesMetricsOverTls() throws Exception {
        try (TestExporter exporter = tls.start("")) {
            HttpProbe probe = HttpProbe.tls(tls.ca);
            HttpProbe.Response response = probe.get(exporter.port(), "/metrics");
            assertEquals(200, response.status());
            assertEquals("TLSv1.3", probe.lastSession().getProtocol());
        }
    }

    @Test
    void plainHttpToTlsListenerIsRefused() throws Exception {
        try (TestExporter exporter = tls.start("")) {
            assertThrows(IOException.class, () -> HttpProbe.plain().get(exporter.port(), "/metrics"));
        }
    }

    @Test
    void tls11RefusedWhenMinIsTls12() throws Exception {
        try (TestExporter exporter = tls.start("min_version: TLS12")) {
            assertThrows(IOException.class,
                    () -> HttpProbe.tls(tls.ca).protocols("TLSv1.1").get(exporter.port(), "/metrics"));
            assertEquals(200, HttpProbe.tls(tls.ca).protocols("TLSv1.2").get(exporter.port(), "/metrics").status());
        }
    }

    @Test
    void tls11AcceptedWhenMinIsTls11SoTheRefusalAboveIsTheConfigs() throws Exception {
        try (TestExporter exporter = tls.start("min_version: TLS11")) {
            HttpProbe probe = HttpProbe.tls(tls.ca).protocols("TLSv1.1");
            assertEquals(200, probe.get(exporter.port(), "/metrics").status());
            assertEquals("TLSv1.1", probe.lastSession().getProtocol());
        }
    }

    @Test
    void tls12RefusedWhenMinIsTls13AndTls13RefusedWhenMaxIsTls12() throws Exception {
        try (TestExporter exporter = tls.start("min_version: TLS13")) {
            assertThrows(IOException.class,
                    () -> HttpProbe.tls(tls.ca).protocols("TLSv1.2").get(exporter.port(), "/metrics"));
        }
        try (TestExporter exporter = tls.start("max_version: TLS12")) {
            assertThrows(IOException.class,
                    () -> HttpProbe.tls(tls.ca).protocols("TLSv1.3").get(exporter.port(), "/metrics"));
            HttpProbe probe = HttpProbe.tls(tls.ca);
            assertEquals(200, probe.get(exporter.port(), "/metrics").status());
            assertEquals("TLSv1.2", probe.lastSession().getProtocol());
        }
    }

    @Test
    void cipherSuiteAllowList() throws Exception {
        try (TestExporter exporter = tls.start(
                "max_version: TLS12\ncipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]")) {
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca)
                    .cipherSuites("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256").get(exporter.port(), "/metrics"));
            HttpProbe probe = HttpProbe.tls(tls.ca).cipherSuites(
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
            assertEquals(200, probe.get(exporter.port(), "/metrics").status());
            assertEquals("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", probe.lastSession().getCipherSuite());
        }
    }

    @Test
    void curveAllowList() throws Exception {
        // An RSA server key keeps the certificate's own curve out of the key-exchange question.
        TestCa.Leaf rsaServer = tls.ca.leaf("server").localhost().rsa().issue();
        rsaServer.write(dir, "server");
        try (TestExporter exporter = tls.start("curve_preferences: [CurveP384]")) {
            assertThrows(IOException.class,
                    () -> HttpProbe.tls(tls.ca).namedGroups("secp256r1", "x25519").get(exporter.port(), "/metrics"));
            assertEquals(200, HttpProbe.tls(tls.ca).namedGroups("x25519", "secp384r1")
                    .get(exporter.port(), "/metrics").status());
        }
    }

    @Test
    void requireAndVerifyClientCert() throws Exception {
        try (TestExporter exporter = tls.start("client_auth_type: RequireAndVerifyClientCert\nclient_ca_file: ca.crt")) {
            int port = exporter.port();
            Instant now = Instant.now();
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca).get(port, "/metrics"), "no certificate");
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca)
                    .clientCert(tls.otherCa.leaf("stranger").client().issue()).get(port, "/metrics"), "unknown CA");
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca).clientCert(tls.ca.leaf("old").client()
                    .valid(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))).issue())
                    .get(port, "/metrics"), "expired");
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca).clientCert(tls.ca.leaf("early").client()
                    .valid(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))).issue())
                    .get(port, "/metrics"), "not yet valid");
            assertEquals(200, HttpProbe.tls(tls.ca).clientCert(tls.client("prometheus")).get(port, "/metrics").status());
        }
    }

    @Test
    void requireAndVerifyHoldsOnTls12Too() throws Exception {
        try (TestExporter exporter = tls.start(
                "max_version: TLS12\nclient_auth_type: RequireAndVerifyClientCert\nclient_ca_file: ca.crt")) {
            int port = exporter.port();
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca).get(port, "/metrics"));
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca)
                    .clientCert(tls.otherCa.leaf("stranger").client().issue()).get(port, "/metrics"));
            assertEquals(200, HttpProbe.tls(tls.ca).clientCert(tls.client("prometheus")).get(port, "/metrics").status());
        }
    }

    @Test
    void clientAllowedSans() throws Exception {
        try (TestExporter exporter = tls.start("client_auth_type: RequireAndVerifyClientCert\nclient_ca_file: ca.crt\n"
                + "client_allowed_sans: [prometheus.example, \"10.1.2.3\"]")) {
            int port = exporter.port();
            assertEquals(200, HttpProbe.tls(tls.ca).clientCert(tls.ca.leaf("p").client().dns("prometheus.example").issue())
                    .get(port, "/metrics").status());
            assertEquals(200, HttpProbe.tls(tls.ca).clientCert(tls.ca.leaf("p").client().ip("10.1.2.3").issue())
                    .get(port, "/metrics").status());
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca)
                    .clientCert(tls.ca.leaf("p").client().dns("grafana.example").issue()).get(port, "/metrics"));
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca)
                    .clientCert(tls.client("no-sans")).get(port, "/metrics"));
        }
    }

    @Test
    void requireAnyClientCertTakesAnyCertificateButNotNone() throws Exception {
        try (TestExporter exporter = tls.start("client_auth_type: RequireAnyClientCert")) {
            int port = exporter.port();
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca).get(port, "/metrics"));
            assertEquals(200, HttpProbe.tls(tls.ca).clientCert(tls.otherCa.leaf("stranger").client().issue())
                    .get(port, "/metrics").status());
        }
    }

    @Test
    void verifyClientCertIfGiven() throws Exception {
        try (TestExporter exporter = tls.start("client_auth_type: VerifyClientCertIfGiven\nclient_ca_file: ca.crt")) {
            int port = exporter.port();
            assertEquals(200, HttpProbe.tls(tls.ca).get(port, "/metrics").status());
            assertEquals(200, HttpProbe.tls(tls.ca).clientCert(tls.client("ok")).get(port, "/metrics").status());
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca)
                    .clientCert(tls.otherCa.leaf("stranger").client().issue()).get(port, "/metrics"));
        }
    }

    @Test
    void requestClientCertAcceptsWithOrWithout() throws Exception {
        try (TestExporter exporter = tls.start("client_auth_type: RequestClientCert")) {
            int port = exporter.port();
            assertEquals(200, HttpProbe.tls(tls.ca).get(port, "/metrics").status());
            assertEquals(200, HttpProbe.tls(tls.ca).clientCert(tls.otherCa.leaf("stranger").client().issue())
                    .get(port, "/metrics").status());
        }
    }
}
