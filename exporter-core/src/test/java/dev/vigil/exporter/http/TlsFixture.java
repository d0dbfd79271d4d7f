package dev.vigil.exporter.http;

import dev.vigil.exporter.testing.FakeCollector;
import dev.vigil.exporter.testing.TestCa;
import dev.vigil.exporter.testing.TestExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a server certificate, key and client CA into a folder and starts exporters over them. */
final class TlsFixture {
    final TestCa ca = TestCa.create("vigil-test-ca");
    final TestCa otherCa = TestCa.create("someone-else");
    final TestCa.Leaf server = ca.leaf("server").localhost().issue();
    final Path dir;

    TlsFixture(Path dir) throws Exception {
        this.dir = dir;
        server.write(dir, "server");
        Files.writeString(dir.resolve("ca.crt"), ca.pem());
    }

    /** Starts an exporter whose web-config is {@code tlsLines} under {@code tls_server_config:} plus {@code rest}. */
    TestExporter start(String tlsLines, String rest) throws Exception {
        StringBuilder yaml = new StringBuilder("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
        for (String line : tlsLines.split("\n")) {
            if (!line.isBlank()) {
                yaml.append("  ").append(line).append('\n');
            }
        }
        yaml.append(rest);
        Path config = dir.resolve("web.yml");
        Files.writeString(config, yaml);
        return TestExporter.start(List.of(TestExporter.factory("fake", true, () -> new FakeCollector("fake"))),
                "--web.config.file=" + config, "--web.config.watch-interval=100ms");
    }

    TestExporter start(String tlsLines) throws Exception {
        return start(tlsLines, "");
    }

    TestCa.Leaf client(String commonName) {
        return ca.leaf(commonName).client().issue();
    }
}
