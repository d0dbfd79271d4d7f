/**
 * Prometheus rule files: loading with rulefmt's checks, recording and alerting rules evaluated on
 * schedule through PromQL, alert states ({@code ALERTS}, {@code ALERTS_FOR_STATE}) and their
 * restore after a restart.
 */
package dev.vigil.alerting.rules;
