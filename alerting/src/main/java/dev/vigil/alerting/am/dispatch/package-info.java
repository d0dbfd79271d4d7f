/**
 * Alertmanager 0.25's dispatcher: routes alerts into aggregation groups (route and group labels)
 * and flushes each group on its group_wait / group_interval timers through a notify function.
 */
package dev.vigil.alerting.am.dispatch;
