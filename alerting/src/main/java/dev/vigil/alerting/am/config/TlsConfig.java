package dev.vigil.alerting.am.config;

/** prometheus/common's {@code tls_config}; file paths are resolved against the config file's directory. */
public record TlsConfig(String caFile, String certFile, String keyFile, String serverName, boolean insecureSkipVerify,
                        String minVersion) {
    public static final TlsConfig NONE = new TlsConfig("", "", "", "", false, "");
}
