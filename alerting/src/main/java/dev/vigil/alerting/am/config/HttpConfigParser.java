package dev.vigil.alerting.am.config;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlMap;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** {@code http_config} and {@code tls_config} as prometheus/common validates them. */
final class HttpConfigParser {
    private HttpConfigParser() {
    }

    static HttpClientConfig http(YamlMap m, Path baseDir) throws ConfigException {
        m.only(Set.of("basic_auth", "authorization", "bearer_token", "bearer_token_file", "tls_config", "proxy_url",
                "follow_redirects", "enable_http2", "oauth2"));
        if (m.has("oauth2")) {
            throw m.error("oauth2", "oauth2 is not supported by Vigil");
        }
        String user = "";
        Secret password = Secret.EMPTY;
        String passwordFile = "";
        Optional<YamlMap> basic = m.map("basic_auth");
        if (basic.isPresent()) {
            YamlMap b = basic.get().only(Set.of("username", "password", "password_file"));
            user = b.string("username", "");
            password = Secret.of(b.string("password", ""));
            passwordFile = resolve(baseDir, b.string("password_file", ""));
            if (!password.isEmpty() && !passwordFile.isEmpty()) {
                throw b.error("password_file", "at most one of basic_auth password & password_file must be configured");
            }
        }
        String type = "";
        Secret credentials = Secret.EMPTY;
        String credentialsFile = "";
        Optional<YamlMap> auth = m.map("authorization");
        boolean bearer = m.has("bearer_token") || m.has("bearer_token_file");
        if (bearer && (auth.isPresent() || basic.isPresent())) {
            throw m.error("bearer_token", auth.isPresent()
                    ? "authorization is not compatible with bearer_token & bearer_token_file"
                    : "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
        }
        if (m.has("bearer_token") && m.has("bearer_token_file")) {
            throw m.error("bearer_token_file", "at most one of bearer_token & bearer_token_file must be configured");
        }
        if (auth.isPresent()) {
            YamlMap a = auth.get().only(Set.of("type", "credentials", "credentials_file"));
            if (basic.isPresent()) {
                throw a.error("type", "at most one of basic_auth, oauth2 & authorization must be configured");
            }
            type = a.string("type", "Bearer");
            if (type.equalsIgnoreCase("basic")) {
                throw a.error("type", "authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
            }
            credentials = Secret.of(a.string("credentials", ""));
            credentialsFile = resolve(baseDir, a.string("credentials_file", ""));
            if (!credentials.isEmpty() && !credentialsFile.isEmpty()) {
                throw a.error("credentials_file", "at most one of authorization credentials & credentials_file must be configured");
            }
        } else if (bearer) {
            type = "Bearer";
            credentials = Secret.of(m.string("bearer_token", ""));
            credentialsFile = resolve(baseDir, m.string("bearer_token_file", ""));
        }
        TlsConfig tls = m.map("tls_config").isPresent() ? tls(m.map("tls_config").get(), baseDir) : TlsConfig.NONE;
        return new HttpClientConfig(user, password, passwordFile, type, credentials, credentialsFile, tls,
                m.string("proxy_url", ""), m.bool("follow_redirects").orElse(true),
                m.bool("enable_http2").orElse(true));
    }

    static TlsConfig tls(YamlMap t, Path baseDir) throws ConfigException {
        t.only(Set.of("ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify", "min_version"));
        String cert = resolve(baseDir, t.string("cert_file", ""));
        String key = resolve(baseDir, t.string("key_file", ""));
        if (!cert.isEmpty() && key.isEmpty()) {
            throw t.error("cert_file", "exactly one of key or key_file must be configured when a client certificate is configured");
        }
        if (cert.isEmpty() && !key.isEmpty()) {
            throw t.error("key_file", "exactly one of cert or cert_file must be configured when a client key is configured");
        }
        return new TlsConfig(resolve(baseDir, t.string("ca_file", "")), cert, key, t.string("server_name", ""),
                t.bool("insecure_skip_verify").orElse(false), t.string("min_version", ""));
    }

    /** Relative paths are relative to the config file, as Alertmanager's {@code resolveFilepaths}. */
    static String resolve(Path baseDir, String path) {
        if (path.isEmpty() || baseDir == null) {
            return path;
        }
        return baseDir.resolve(path).normalize().toString();
    }
}
