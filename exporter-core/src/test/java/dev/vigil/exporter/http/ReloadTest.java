package dev.vigil.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.vigil.exporter.testing.HttpProbe;
import dev.vigil.exporter.testing.TestCa;
import dev.vigil.exporter.testing.TestExporter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live reload: the web-config and the certificates it names change under a running exporter. */
class ReloadTest {
    @TempDir
    Path dir;

    @Test
    void addingBasicAuthTakesEffectAndABrokenFileKeepsTheRunningConfig() throws Exception {
        TlsFixture tls = new TlsFixture(dir);
        try (TestExporter exporter = tls.start("")) {
            int port = exporter.port();
            assertEquals(200, HttpProbe.tls(tls.ca).get(port, "/metrics").status());

            String hash = AuthTest.hash(BCrypt.Version.VERSION_2Y, "s3cret");
            Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.crt\n"
                    + "  key_file: server.key\nbasic_auth_users:\n  alice: \"" + hash + "\"\n");
            awaitTlsStatus(tls.ca, port, null, 401);
            assertEquals(200, tlsStatus(tls.ca, port, AuthTest.basic("alice", "s3cret")));

            Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.crt\n  bogus: 1\n");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!exporter.log().contains("Unable to reload web config") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(exporter.log().contains("web.yml:3: unknown key \\\"bogus\\\" in tls_server_config")
                    || exporter.log().contains("web.yml:3: unknown key"), exporter.log());
            assertEquals(401, tlsStatus(tls.ca, port, null), "the running config was dropped");
            assertEquals(200, tlsStatus(tls.ca, port, AuthTest.basic("alice", "s3cret")));
        }
    }

    @Test
    void rotatedServerCertificateIsServedWithoutRestart() throws Exception {
        TlsFixture tls = new TlsFixture(dir);
        try (TestExporter exporter = tls.start("")) {
            int port = exporter.port();
            HttpProbe probe = HttpProbe.tls(tls.ca);
            assertEquals(200, probe.get(port, "/metrics").status());
            BigInteger before = probe.lastServerCertificate().getSerialNumber();
            assertEquals(tls.server.certificate().getSerialNumber(), before);

            TestCa.Leaf rotated = tls.ca.leaf("server-rotated").localhost().rsa().issue();
            Path tmpDir = Files.createDirectory(dir.resolve("staging"));
            Path[] files = rotated.write(tmpDir, "server");
            // Key first, then certificate, as a careless rotation would: a mismatched pair in
            // between must not be installed.
            Files.move(files[1], dir.resolve("server.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(files[0], dir.resolve("server.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            long deadline = System.nanoTime() + 10_000_000_000L;
            BigInteger seen = before;
            while (seen.equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                HttpProbe again = HttpProbe.tls(tls.ca);
                assertEquals(200, again.get(port, "/metrics").status());
                seen = again.lastServerCertificate().getSerialNumber();
            }
            assertNotEquals(before, seen);
            assertEquals(rotated.certificate().getSerialNumber(), seen);
            assertEquals(port, exporter.port(), "the listener moved");
        }
    }

    @Test
    void changedTlsVersionsRestartTheListenerOnTheSamePort() throws Exception {
        TlsFixture tls = new TlsFixture(dir);
        try (TestExporter exporter = tls.start("")) {
            int port = exporter.port();
            assertEquals(200, HttpProbe.tls(tls.ca).protocols("TLSv1.2").get(port, "/metrics").status());
            Files.writeString(dir.resolve("web.yml"),
                    "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  min_version: TLS13\n");
            long deadline = System.nanoTime() + 10_000_000_000L;
            boolean refused = false;
            while (!refused && System.nanoTime() < deadline) {
                Thread.sleep(100);
                try {
                    HttpProbe.tls(tls.ca).protocols("TLSv1.2").get(port, "/metrics");
                } catch (java.net.ConnectException e) {
                    continue; // the listener is between stop and start
                } catch (IOException e) {
                    refused = true;
                }
            }
            assertTrue(refused, "TLS 1.2 still accepted after min_version: TLS13");
            HttpProbe tls13 = HttpProbe.tls(tls.ca);
            assertEquals(200, tls13.get(port, "/metrics").status());
            assertEquals("TLSv1.3", tls13.lastSession().getProtocol());
            assertTrue(exporter.log().contains("TLS settings changed; restarting listeners"));
            assertThrows(IOException.class, () -> HttpProbe.tls(tls.ca).protocols("TLSv1.2").get(port, "/metrics"));
        }
    }

    private static int tlsStatus(TestCa ca, int port, String authorization) throws Exception {
        HttpProbe probe = HttpProbe.tls(ca);
        if (authorization != null) {
            probe.header("Authorization", authorization);
        }
        return probe.get(port, "/metrics").status();
    }

    private static void awaitTlsStatus(TestCa ca, int port, String authorization, int expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = tlsStatus(ca, port, authorization);
            if (last == expected) {
                return;
            }
            Thread.sleep(50);
        }
        assertEquals(expected, last, "status did not change within 10 s");
    }
}
