/**
 * Inhibition as Alertmanager 0.25's {@code inhibit/inhibit.go}: a target alert is muted while a
 * firing source alert matches the rule's source matchers and agrees with it on the {@code equal}
 * labels (an absent label equals an absent one). An alert matching both sides is never muted by an
 * alert that also matches both sides, so a rule cannot make alerts mute each other or themselves.
 * The inhibitor keeps no alert state: the caller passes the firing alerts it holds.
 */
package dev.vigil.alerting.am.inhibit;
