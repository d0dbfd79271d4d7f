package dev.vigil.exporter.webconfig;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code tls_server_config}, with file paths already resolved against the config file's folder.
 * Exactly one of each file/inline pair is set (the toolkit lets the file win when both are given).
 *
 * @param minVersion JSSE protocol name, e.g. {@code TLSv1.2}
 * @param maxVersion JSSE protocol name, e.g. {@code TLSv1.3}
 * @param cipherSuites JSSE names of the TLS 1.2-and-older suites allowed; empty for the JDK's defaults
 * @param namedGroups JSSE named groups in preference order; empty for the JDK's defaults
 */
public record TlsServerConfig(
        Path certFile, String certPem,
        Path keyFile, String keyPem,
        ClientAuth clientAuth,
        Path clientCaFile, String clientCaPem,
        List<String> clientAllowedSans,
        String minVersion, String maxVersion,
        List<String> cipherSuites,
        List<String> namedGroups) {

    public TlsServerConfig {
        clientAllowedSans = List.copyOf(clientAllowedSans);
        cipherSuites = List.copyOf(cipherSuites);
        namedGroups = List.copyOf(namedGroups);
    }

    /** The files this config reads, watched for changes so certificates rotate without a restart. */
    public List<Path> files() {
        return java.util.stream.Stream.of(certFile, keyFile, clientCaFile)
                .filter(java.util.Objects::nonNull).toList();
    }
}
