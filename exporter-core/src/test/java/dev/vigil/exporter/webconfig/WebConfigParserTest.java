package dev.vigil.exporter.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exporter-toolkit's config error cases, each with the line and reason a user would see. */
class WebConfigParserTest {
    private static final String HASH = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

    @TempDir
    Path dir;

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("junk", "{{{ not yaml", 1, "invalid YAML"),
                Arguments.of("not a mapping", "- a\n- b\n", 1, "must be a mapping"),
                Arguments.of("unknown top key", "tls_server_config:\n  cert_file: a\n  key_file: b\nfoo: 1\n", 4,
                        "unknown key \"foo\""),
                Arguments.of("unknown tls key", "tls_server_config:\n  cert_file: a\n  key_file: b\n  certfile: c\n", 4,
                        "unknown key \"certfile\" in tls_server_config"),
                Arguments.of("missing cert", "tls_server_config:\n  key_file: b\n", 2, "missing one of cert or cert_file"),
                Arguments.of("missing key", "tls_server_config:\n  cert_file: a\n", 2, "missing one of key or key_file"),
                Arguments.of("client CA without policy",
                        "tls_server_config:\n  cert_file: a\n  key_file: b\n  client_ca_file: c\n", 4,
                        "client CA's have been configured without a Client Auth Policy"),
                Arguments.of("verify without CA",
                        "tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireAndVerifyClientCert\n",
                        4, "needs client_ca_file or client_ca"),
                Arguments.of("bad client auth",
                        "tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: Maybe\n", 4,
                        "invalid ClientAuth: Maybe"),
                Arguments.of("unknown version", "tls_server_config:\n  cert_file: a\n  key_file: b\n  min_version: TLS14\n",
                        4, "unknown TLS version: TLS14"),
                Arguments.of("min above max",
                        "tls_server_config:\n  cert_file: a\n  key_file: b\n  min_version: TLS13\n  max_version: TLS12\n",
                        4, "min_version is newer than max_version"),
                Arguments.of("unknown cipher",
                        "tls_server_config:\n  cert_file: a\n  key_file: b\n  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]\n",
                        4, "unknown cipher: TLS_RSA_WITH_RC4_128_SHA"),
                Arguments.of("unknown curve",
                        "tls_server_config:\n  cert_file: a\n  key_file: b\n  curve_preferences: [CurveP999]\n", 4,
                        "unknown curve: CurveP999"),
                Arguments.of("sans without requiring policy", "tls_server_config:\n  cert_file: a\n  key_file: b\n"
                        + "  client_ca_file: c\n  client_auth_type: VerifyClientCertIfGiven\n  client_allowed_sans: [x]\n",
                        6, "client_allowed_sans requires client_auth_type"),
                Arguments.of("bad bcrypt", "basic_auth_users:\n  alice: notahash\n", 2,
                        "user \"alice\": hashedSecret too short"),
                Arguments.of("bcrypt cost out of range", "basic_auth_users:\n  alice: \"$2y$99$"
                        + "QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi\"\n", 2, "outside allowed range"),
                Arguments.of("bcrypt version", "basic_auth_users:\n  bob: \"$3a$10$"
                        + "QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi\"\n", 2, "unsupported bcrypt version"),
                Arguments.of("forbidden header", "http_server_config:\n  headers:\n    Server: vigil\n", 3,
                        "HTTP header \"Server\" can not be configured"),
                Arguments.of("bad header value", "http_server_config:\n  headers:\n    X-Frame-Options: DENY\n", 3,
                        "invalid value for X-Frame-Options"),
                Arguments.of("http2 not a bool", "http_server_config:\n  http2: maybe\n", 2, "is not a boolean"),
                Arguments.of("bad rate interval", "rate_limit:\n  interval: fast\n  burst: 2\n", 2,
                        "rate_limit: invalid duration"),
                Arguments.of("duplicate key", "basic_auth_users:\n  a: x\nbasic_auth_users:\n  b: y\n", 3, "already set"),
                Arguments.of("empty bearer token", "bearer_auth:\n  tokens: ['']\n", 2, "must not hold an empty token"),
                Arguments.of("unknown bearer key", "bearer_auth:\n  token: abc\n", 2, "unknown key \"token\" in bearer_auth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void rejectsWithFileLineAndReason(String name, String yaml, int line, String reason) throws Exception {
        Path file = dir.resolve("web.yml");
        Files.writeString(file, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> WebConfigParser.parse(file));
        assertEquals(file.toString(), e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
    }

    @Test
    void missingFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> WebConfigParser.parse(dir.resolve("absent.yml")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void emptyFileMeansNoTlsAndNoAuth() throws Exception {
        Path file = dir.resolve("empty.yml");
        Files.writeString(file, "");
        assertEquals(WebConfig.NONE, WebConfigParser.parse(file));
    }

    @Test
    void hashesAreNeverEchoedInErrors() throws Exception {
        Path file = dir.resolve("web.yml");
        String secretish = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeS!";
        Files.writeString(file, "basic_auth_users:\n  alice: \"" + secretish + "\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WebConfigParser.parse(file));
        assertFalse(e.getMessage().contains("QOauhQ"), e.getMessage());
    }

    @Test
    void fullConfigParsesWithToolkitDefaultsAndResolvesPathsAgainstItsFolder() throws Exception {
        Path file = dir.resolve("web.yml");
        Files.writeString(file, """
                tls_server_config:
                  cert_file: tls/server.crt
                  key_file: /abs/server.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: ca.crt
                  client_allowed_sans: ["prometheus.example", "10.0.0.1"]
                  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_AES_128_GCM_SHA256]
                  curve_preferences: [CurveP256, X25519]
                  prefer_server_cipher_suites: true
                http_server_config:
                  http2: false
                  headers:
                    X-Frame-Options: deny
                    Strict-Transport-Security: max-age=31536000
                basic_auth_users:
                  alice: "%s"
                bearer_auth:
                  tokens: [abc]
                  token_files: [token]
                rate_limit:
                  interval: 100ms
                  burst: 5
                """.formatted(HASH));
        WebConfig config = WebConfigParser.parse(file);
        TlsServerConfig tls = config.tls().orElseThrow();
        assertEquals(dir.resolve("tls/server.crt"), tls.certFile());
        assertEquals(Path.of("/abs/server.key"), tls.keyFile());
        assertEquals(dir.resolve("ca.crt"), tls.clientCaFile());
        assertEquals(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT, tls.clientAuth());
        assertEquals("TLSv1.2", tls.minVersion());
        assertEquals("TLSv1.3", tls.maxVersion());
        assertEquals(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), tls.cipherSuites());
        assertEquals(List.of("secp256r1", "x25519"), tls.namedGroups());
        assertEquals(List.of("prometheus.example", "10.0.0.1"), tls.clientAllowedSans());
        assertFalse(config.http2());
        assertEquals("deny", config.headers().get("X-Frame-Options"));
        assertEquals(HASH, config.basicAuthUsers().get("alice"));
        assertEquals(List.of("abc"), config.bearerTokens());
        assertEquals(List.of(dir.resolve("token")), config.bearerTokenFiles());
        assertEquals(new WebConfig.RateLimit(Duration.ofMillis(100), 5), config.rateLimit().orElseThrow());
        assertTrue(config.requiresAuth());
    }

    @Test
    void legacyRequireClientCertAliasAndInlinePem() throws Exception {
        WebConfig config = WebConfigParser.parse("inline.yml", """
                tls_server_config:
                  cert: "-----BEGIN CERTIFICATE-----"
                  key: "-----BEGIN PRIVATE KEY-----"
                  client_auth_type: RequireClientCert
                """, dir);
        TlsServerConfig tls = config.tls().orElseThrow();
        assertEquals(ClientAuth.REQUIRE_ANY_CLIENT_CERT, tls.clientAuth());
        assertEquals("-----BEGIN CERTIFICATE-----", tls.certPem());
        assertEquals(null, tls.certFile());
    }

    @Test
    void zeroIntervalTurnsTheRateLimitOff() throws Exception {
        WebConfig config = WebConfigParser.parse("r.yml", "rate_limit:\n  interval: 0s\n  burst: 3\n", dir);
        assertTrue(config.rateLimit().isEmpty());
    }
}
