/**
 * {@code alertmanager.yml} as Alertmanager 0.25 reads it: global defaults, the route tree as
 * written, inhibit rules, email and webhook receivers, templates and time intervals. Loading fills
 * receivers from the global defaults and validates as Alertmanager does, with its wording, plus the
 * file and line ({@link dev.vigil.exporter.yaml.ConfigException}). Secrets are held in
 * {@link dev.vigil.alerting.am.config.Secret}, which never prints its value. The route tree here is
 * the file's shape; {@link dev.vigil.alerting.am.route} turns it into routes with inherited options.
 */
package dev.vigil.alerting.am.config;
