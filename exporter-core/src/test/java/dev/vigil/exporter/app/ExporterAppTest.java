package dev.vigil.exporter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.testing.FakeCollector;
import dev.vigil.exporter.testing.TestCa;
import dev.vigil.exporter.testing.TestExporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages a user sees before the server runs. */
class ExporterAppTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int exit(String... args) {
        ExporterApp.ExitException e = assertThrows(ExporterApp.ExitException.class, () -> ExporterApp.start(
                TestExporter.spec(List.of(TestExporter.factory("fake", true, () -> new FakeCollector("fake")))),
                args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return e.code();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownFlagIsExitCode2WithAHint() {
        assertEquals(2, exit("--web.listen-adress=:9100"));
        assertEquals("vigil-test-exporter: error: unknown long flag '--web.listen-adress', try --help\n", err());
    }

    @Test
    void badListenAddressIsExitCode2() {
        assertEquals(2, exit("--web.listen-address=9100"));
        assertTrue(err().contains("missing port in address"), err());
    }

    @Test
    void helpAndVersionExit0() {
        assertEquals(0, exit("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--[no-]collector.fake"), help);
        assertTrue(help.contains("--path.procfs=PROCFS"), help);
        assertTrue(help.contains("--web.config.file=FILE"), help);
        out.reset();
        assertEquals(0, exit("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("vigil-test-exporter, version "));
    }

    @Test
    void badWebConfigIsExitCode1NamingFileLineAndReason() throws Exception {
        Path config = dir.resolve("web.yml");
        Files.writeString(config, "tls_server_config:\n  cert_file: x.crt\n  key_file: x.key\n  colour: blue\n");
        assertEquals(1, exit("--web.config.file=" + config, "--web.listen-address=127.0.0.1:0"));
        assertTrue(err().contains("msg=\"Invalid web config\" file=" + config + " line=4 err=\"unknown key \\\"colour\\\""),
                err());
    }

    @Test
    void missingCertificateFileIsExitCode1() throws Exception {
        Path config = dir.resolve("web.yml");
        Files.writeString(config, "tls_server_config:\n  cert_file: absent.crt\n  key_file: absent.key\n");
        assertEquals(1, exit("--web.config.file=" + config, "--web.listen-address=127.0.0.1:0"));
        assertTrue(err().contains("failed to read cert_file"), err());
    }

    @Test
    void keyNotMatchingTheCertificateIsExitCode1() throws Exception {
        TestCa ca = TestCa.create("ca");
        ca.leaf("a").localhost().issue().write(dir, "a");
        ca.leaf("b").localhost().issue().write(dir, "b");
        Path config = dir.resolve("web.yml");
        Files.writeString(config, "tls_server_config:\n  cert_file: a.crt\n  key_file: b.key\n");
        assertEquals(1, exit("--web.config.file=" + config, "--web.listen-address=127.0.0.1:0"));
        assertTrue(err().contains("does not match the certificate"), err());
        assertTrue(!err().contains("PRIVATE KEY"), "key material in the log");
    }

    @Test
    void portInUseIsExitCode1() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(1, exit("--web.listen-address=127.0.0.1:" + taken.getLocalPort()));
            assertTrue(err().contains("Cannot start the web server"), err());
        }
    }
}
