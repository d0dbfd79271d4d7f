/**
 * The notification log, as Alertmanager 0.25's {@code nflog}: what was last sent per aggregation
 * group and integration, persisted so a restart neither repeats nor forgets notifications.
 */
package dev.vigil.alerting.am.nflog;
