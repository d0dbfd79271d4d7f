package dev.vigil.hub.am;

import dev.vigil.alerting.am.IntegrationFactory;

/**
 * The receivers' integrations the hub's Alertmanager sends through: the alerting module's email
 * and webhook integrations, with the hub's external URL in their links.
 */
final class AmIntegrations {
    private AmIntegrations() {
    }

    static IntegrationFactory forHub(String externalURL) {
        return IntegrationFactory.standard(externalURL);
    }
}
