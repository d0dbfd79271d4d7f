package dev.vigil.jvm.agent.it;

import io.helidon.webserver.WebServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * What an application that bundles its own Helidon and client_java does: JvmMetrics on the default
 * registry (which would fail with "duplicate metric name" had the agent registered there) and a
 * Helidon server of its own. Kept apart from {@link ProbeApp} so the poisoned-class-path run never
 * loads these classes.
 */
final class OwnStack {
    private OwnStack() {
    }

    static int start() {
        JvmMetrics.builder().register(PrometheusRegistry.defaultRegistry);
        WebServer server = WebServer.builder().port(0).shutdownHook(false)
                .routing(routing -> routing.get("/hello", (req, res) -> res.send(
                        "hello " + PrometheusRegistry.defaultRegistry.scrape().size())))
                .build().start();
        return server.port();
    }
}
