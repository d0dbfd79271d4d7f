package dev.vigil.hub;

import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.alerting.rules.RuleLoadException;
import dev.vigil.alerting.rules.RuleManager;
import dev.vigil.hub.config.HubConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The hub's rule files: checked with each config (a file that does not load refuses the whole
 * config, as in Prometheus), then handed to the {@link RuleManager}, which keeps the state of the
 * groups that survive.
 */
final class HubRules {
    private final RuleManager manager;
    private volatile List<RuleGroup> prepared;
    private volatile HubConfig preparedFor;

    HubRules(RuleManager manager) {
        this.manager = manager;
    }

    /** Loads the config's rule files; returns the reason they do not load, or null. */
    synchronized String check(HubConfig config) {
        try {
            List<Path> files = RuleManager.resolve(config.ruleFiles(), Path.of(""));
            prepared = RuleManager.load(files, config.global().evaluationInterval().toMillis());
            preparedFor = config;
            return null;
        } catch (RuleLoadException e) {
            return "error loading rules: " + String.join("; ", e.errors());
        } catch (IOException e) {
            return "error reading rule files: " + e.getMessage();
        }
    }

    /** Runs the groups {@link #check} loaded for this config. */
    synchronized void apply(HubConfig config) {
        if (preparedFor != config && check(config) != null) {
            return;
        }
        manager.update(prepared);
    }

    List<RuleGroup> groups() {
        return manager.groups();
    }

    void close() {
        manager.close();
    }
}
