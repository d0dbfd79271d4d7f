package dev.vigil.alerting.am.config;

/**
 * prometheus/common's {@code http_config} as far as webhooks use it: basic auth, an
 * {@code Authorization} header (or the legacy bearer token), TLS, a proxy and redirects.
 * A {@code bearer_token} is kept as authorization of type Bearer, as prometheus/common does.
 */
public record HttpClientConfig(String basicAuthUsername, Secret basicAuthPassword, String basicAuthPasswordFile,
                               String authorizationType, Secret authorizationCredentials,
                               String authorizationCredentialsFile, TlsConfig tlsConfig, String proxyUrl,
                               boolean followRedirects, boolean enableHttp2) {
    public static final HttpClientConfig DEFAULT =
            new HttpClientConfig("", Secret.EMPTY, "", "", Secret.EMPTY, "", TlsConfig.NONE, "", true, true);

    public boolean hasBasicAuth() {
        return !basicAuthUsername.isEmpty() || !basicAuthPassword.isEmpty() || !basicAuthPasswordFile.isEmpty();
    }

    public boolean hasAuthorization() {
        return !authorizationType.isEmpty();
    }
}
