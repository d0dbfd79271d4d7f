/**
 * The hub's built-in Alertmanager: wiring of the {@code alerting} module's Alertmanager core
 * (config file, data directory, reload) and Alertmanager 0.25's HTTP API v2 under
 * {@code /api/v2/} (alerts, alert groups, silences, status, receivers) with its exact JSON. The
 * routing, silencing and notification logic live in {@code dev.vigil.alerting.am}, never here.
 */
package dev.vigil.hub.am;
