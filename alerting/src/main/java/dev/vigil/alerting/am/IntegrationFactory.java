package dev.vigil.alerting.am;

import dev.vigil.alerting.am.config.AlertmanagerConfig;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.exporter.yaml.ConfigException;
import java.util.List;
import java.util.Map;

/**
 * Builds each receiver's integrations for a config (loading its notification templates); a
 * template that does not load fails the config.
 */
@FunctionalInterface
public interface IntegrationFactory {
    /** Receiver name to its integrations, for every receiver of {@code config}. */
    Map<String, List<Integration>> build(AlertmanagerConfig config) throws ConfigException;
}
