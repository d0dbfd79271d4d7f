package dev.vigil.exporter.webconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates the Go crypto/tls names that web-config files use into JSSE names: versions ({@code
 * TLS12} to {@code TLSv1.2}), cipher suites (the names of Go's {@code tls.CipherSuites()}, the
 * only ones the toolkit accepts; they are the IANA names JSSE uses too) and curves ({@code
 * CurveP256} to {@code secp256r1}).
 */
public final class GoTlsNames {
    private static final Map<String, String> VERSIONS = Map.of(
            "TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");

    /** JSSE protocol names from oldest to newest. */
    public static final List<String> PROTOCOLS_IN_ORDER = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    /** TLS 1.3 suites: accepted in a file, but, as in Go, not configurable. */
    static final List<String> TLS13_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    private static final List<String> TLS12_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final Map<String, String> CURVES = new LinkedHashMap<>();

    static {
        CURVES.put("CurveP256", "secp256r1");
        CURVES.put("CurveP384", "secp384r1");
        CURVES.put("CurveP521", "secp521r1");
        CURVES.put("X25519", "x25519");
    }

    private GoTlsNames() {
    }

    /** {@code TLS12} to {@code TLSv1.2}, or empty for an unknown name. */
    public static Optional<String> protocol(String goName) {
        return Optional.ofNullable(VERSIONS.get(goName));
    }

    /** Whether Go's {@code tls.CipherSuites()} lists the suite. */
    public static boolean isKnownCipherSuite(String goName) {
        return TLS12_SUITES.contains(goName) || TLS13_SUITES.contains(goName);
    }

    /** Whether the suite is a TLS 1.3 one (fixed by the protocol, not by config). */
    public static boolean isTls13Suite(String goName) {
        return TLS13_SUITES.contains(goName);
    }

    /** {@code CurveP256} to {@code secp256r1}, or empty for an unknown name. */
    public static Optional<String> namedGroup(String goName) {
        return Optional.ofNullable(CURVES.get(goName));
    }
}
