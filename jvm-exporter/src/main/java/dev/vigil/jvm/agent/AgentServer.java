package dev.vigil.jvm.agent;

import dev.vigil.exporter.http.ExporterServer;
import dev.vigil.exporter.security.WebConfigSource;
import dev.vigil.exporter.self.BuildInfo;
import dev.vigil.exporter.yaml.ConfigException;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import dev.vigil.jvm.agent.mbean.MBeanCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's metrics and listener: client_java's {@link JvmMetrics} (which include {@code
 * process_*}) on a private registry, with the MBean families of {@link MBeanCollector} when the config
 * asks for them, served by exporter-core's {@link ExporterServer} with the web-config security of the
 * exporters.
 */
public final class AgentServer implements AutoCloseable {
    /** How often the web-config file (and the files it names) is checked for changes. */
    private static final Duration WEB_CONFIG_POLL = Duration.ofSeconds(30);
    /**
     * Helidon's and exporter-core's start-up lines would land in the application's log (its root
     * logger's handlers); keep their warnings only. Held here: JUL keeps loggers weakly.
     */
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger(packageAbove(io.helidon.webserver.WebServer.class, ".webserver")),
            Logger.getLogger(packageAbove(ExporterServer.class, ".http")));

    private final ExporterServer server;

    private AgentServer(ExporterServer server) {
        this.server = server;
    }

    /**
     * Registers the metrics and starts listening.
     *
     * @throws ConfigException when the web-config file cannot be used
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static AgentServer start(AgentArguments args, AgentConfig config) throws ConfigException {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        PrometheusRegistry registry = new PrometheusRegistry();
        // Built properties, not PrometheusProperties.get(): the application's own
        // prometheus.properties and io.prometheus.* system properties configure its metrics, not ours.
        JvmMetrics.builder(PrometheusProperties.builder().build()).register(registry);
        String description = "client_java's jvm_* and process_* metrics of this JVM.";
        if (config.mbeans().isPresent()) {
            // MBean families may not take a name the jvm_* set already serves.
            Set<String> taken = new HashSet<>();
            for (MetricSnapshot snapshot : registry.scrape()) {
                taken.add(snapshot.getMetadata().getPrometheusName());
            }
            registry.register(new MBeanCollector(config.mbeans().get(), ManagementFactory.getPlatformMBeanServer(), taken));
            description = "client_java's jvm_* and process_* metrics of this JVM, and its MBeans by jmx_exporter rules.";
        }
        WebConfigSource web = config.webConfigFile().isPresent()
                ? WebConfigSource.open(config.webConfigFile().get(), WEB_CONFIG_POLL)
                : WebConfigSource.none();
        BuildInfo build = BuildInfo.current();
        ExporterServer server = new ExporterServer(List.of(args.address()), web, "/metrics",
                new RegistryHandler(registry), "Vigil JVM Agent", description,
                "(version=" + build.version() + ", revision=" + build.revision() + ")");
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new AgentServer(server);
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.ports().getFirst();
    }

    @Override
    public void close() {
        server.close();
    }

    /** E.g. {@code io.helidon}, or its relocated name inside the shaded agent jar. */
    private static String packageAbove(Class<?> type, String suffix) {
        String name = type.getPackageName();
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
