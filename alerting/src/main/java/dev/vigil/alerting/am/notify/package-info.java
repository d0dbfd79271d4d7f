/**
 * The notification pipeline as Alertmanager 0.25 builds it, one small stage per concern:
 * inhibition, time intervals, silences, dedup against the notification log, send with retries,
 * record. {@link dev.vigil.alerting.am.notify.Integration} is what receivers implement;
 * {@link dev.vigil.alerting.am.notify.TemplateData} is what their templates see.
 */
package dev.vigil.alerting.am.notify;
