/**
 * Prometheus' notifier: alerts from the hub's rules, with external labels and
 * {@code alert_relabel_configs} applied, queued and POSTed in batches to the Alertmanagers named in
 * {@code alerting:} (API v2).
 */
package dev.vigil.hub.notifier;
