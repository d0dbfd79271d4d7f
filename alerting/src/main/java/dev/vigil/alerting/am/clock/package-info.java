/**
 * Time for the Alertmanager core: a {@link dev.vigil.alerting.am.clock.Scheduler} gives the
 * current instant, timers and sleeps, on the wall clock or, in tests, a fake one.
 */
package dev.vigil.alerting.am.clock;
