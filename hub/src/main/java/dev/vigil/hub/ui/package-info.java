/**
 * The hub's web UI: the single-page app's shell and static assets (served from the jar, gzip
 * when the browser takes it, never a path outside the asset root), the guards every
 * state-changing request passes (same origin, admin role), and the UI's own read API under
 * {@code /api/vigil/v1/} where the Prometheus and Alertmanager APIs have no answer.
 */
package dev.vigil.hub.ui;
