/**
 * TLS for the exporters' listeners: PEM certificates and keys (PKCS#1, PKCS#8, SEC1 EC) read with
 * Bouncy Castle, and a JSSE key manager and trust manager that read the current material on every
 * handshake, so a rotated certificate or client CA takes effect without a restart. Client
 * certificates are checked by the web-config policy: chain, validity dates and the allowed SANs.
 */
package dev.vigil.exporter.tls;
