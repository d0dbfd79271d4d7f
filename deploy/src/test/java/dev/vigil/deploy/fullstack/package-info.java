/**
 * The full-stack Docker test ({@link dev.vigil.deploy.fullstack.FullStackIT}): a hub container and
 * three "VM" containers from the offline image, mutual TLS between them, both discovery paths,
 * an alert fired by a CPU burn in one VM reaching a webhook and an SMTP server in the test JVM,
 * and a {@code kill -9} of the hub that must lose no samples, silence or notification state. The
 * helpers here are small and only serve that test: the docker CLI with deadlines and cleanup
 * ({@code Docker}), the PKI and exporter web-configs ({@code Pki}), the webhook receiver
 * ({@code WebhookSink}) and the hub's APIs ({@code HubClient}). Nothing here starts a container it
 * does not remove, or touches one it did not start.
 */
package dev.vigil.deploy.fullstack;
