/**
 * Alerts as Alertmanager holds them: {@link dev.vigil.alerting.am.alert.AmAlert} (start, end, resolve
 * timeout, merge rules) and the store that merges received alerts and feeds the dispatcher.
 */
package dev.vigil.alerting.am.alert;
