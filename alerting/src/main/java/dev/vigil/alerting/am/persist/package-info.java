/** Durable whole-file replacement for the Alertmanager state files (silences, notification log). */
package dev.vigil.alerting.am.persist;
