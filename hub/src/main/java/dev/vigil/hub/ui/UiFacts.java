package dev.vigil.hub.ui;

import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.hub.am.HubAlertmanager;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.scrape.ScrapeManager;
import dev.vigil.hub.web.AdminRoles;
import dev.vigil.storage.Tsdb;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the UI's API reads: the scrape pools, the TSDB and its directory, the built-in
 * Alertmanager, the rule groups, who is an admin and the running config.
 */
public record UiFacts(ScrapeManager scrapes, Tsdb tsdb, Path tsdbDir, HubAlertmanager alertmanager,
        Supplier<List<RuleGroup>> rules, Supplier<AdminRoles> roles, Supplier<HubConfig> config) {

    /** Facts without the running config (its supplier answers null), for tests that do not need it. */
    public UiFacts(ScrapeManager scrapes, Tsdb tsdb, Path tsdbDir, HubAlertmanager alertmanager,
            Supplier<List<RuleGroup>> rules, Supplier<AdminRoles> roles) {
        this(scrapes, tsdb, tsdbDir, alertmanager, rules, roles, () -> null);
    }
}
