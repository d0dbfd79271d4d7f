package dev.vigil.alerting.am;

import dev.vigil.alerting.am.config.AlertmanagerConfig;
import dev.vigil.alerting.am.config.Receiver;
import dev.vigil.alerting.am.integrations.Integrations;
import dev.vigil.alerting.am.integrations.NotifierConfigException;
import dev.vigil.alerting.am.integrations.NotifierTemplates;
import dev.vigil.alerting.am.notify.Integration;
import dev.vigil.exporter.yaml.ConfigException;
import java.util.HashMap;
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

    /** Email and webhook integrations with the config's templates over the defaults. */
    static IntegrationFactory standard(String externalURL) {
        return config -> {
            try {
                NotifierTemplates templates = NotifierTemplates.load(config.templates());
                Map<String, List<Integration>> out = new HashMap<>();
                for (Receiver r : config.receivers()) {
                    out.put(r.name(), Integrations.forReceiver(r, templates, externalURL));
                }
                return out;
            } catch (NotifierConfigException e) {
                throw new ConfigException(e.file().isEmpty() ? config.file() : e.file(), 0,
                        e.file().isEmpty() ? e.getMessage() : e.getMessage().substring(e.file().length() + 2), e);
            }
        };
    }
}
