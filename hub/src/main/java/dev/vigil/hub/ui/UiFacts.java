package dev.vigil.hub.ui;

import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.hub.am.HubAlertmanager;
import dev.vigil.hub.scrape.ScrapeManager;
import dev.vigil.hub.web.AdminRoles;
import dev.vigil.storage.Tsdb;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the UI's API reads: the scrape pools, the TSDB and its directory, the built-in
 * Alertmanager, the rule groups and who is an admin.
 */
public record UiFacts(ScrapeManager scrapes, Tsdb tsdb, Path tsdbDir, HubAlertmanager alertmanager,
        Supplier<List<RuleGroup>> rules, Supplier<AdminRoles> roles) {
}
