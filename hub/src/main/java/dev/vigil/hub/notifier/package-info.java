/**
 * Where rule alerts go: Prometheus' notifier (external labels and {@code alert_relabel_configs}
 * applied, queued and POSTed in batches to the Alertmanagers named in {@code alerting:}, API v2),
 * and the in-process sink that hands the same alerts to the hub's built-in Alertmanager.
 */
package dev.vigil.hub.notifier;
