package dev.vigil.hub.am;

import dev.vigil.exporter.http.ExporterServer;
import dev.vigil.exporter.http.ListenAddress;
import dev.vigil.exporter.security.WebConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The hub's built-in Alertmanager and its API v2 on a loopback port, as HubMain wires them. */
final class AmServer implements AutoCloseable {
    final HubAlertmanager hub;
    final ExporterServer server;
    final String base;

    AmServer(Path config, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        hub = HubAlertmanager.start(config.toString(), true, dataDir, "http://hub.example:9090");
        AmApi api = AmApi.of(hub, AmApi.VersionInfo.hub("test", "abc", "main"));
        server = new ExporterServer(List.of(ListenAddress.parse("127.0.0.1:0")), WebConfigSource.none(), "/metrics",
                (req, res) -> res.send(""), "hub", "hub", "test", api::routes);
        server.start();
        base = "http://127.0.0.1:" + server.ports().get(0);
    }

    @Override
    public void close() {
        server.close();
        hub.close();
    }
}
