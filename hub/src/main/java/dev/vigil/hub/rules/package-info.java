/**
 * Prometheus rule files (the {@code groups:} format): loading and validation with rulefmt's
 * checks and messages. Only the file format lives here; evaluating rules is the alerting module's.
 */
package dev.vigil.hub.rules;
