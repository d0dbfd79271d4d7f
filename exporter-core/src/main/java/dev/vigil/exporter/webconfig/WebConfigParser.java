package dev.vigil.exporter.webconfig;

import dev.vigil.exporter.flags.GoDuration;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.exporter.yaml.YamlMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a web-config file with the exporter-toolkit's rules: strict keys, the same defaults, the
 * same checks (cert and key both present, a client CA only with a client auth policy, known
 * versions, ciphers and curves, valid bcrypt hashes, only the security headers the toolkit
 * allows). Relative file names are resolved against the config file's folder.
 */
public final class WebConfigParser {
    private static final Set<String> TOP = Set.of(
            "tls_server_config", "http_server_config", "basic_auth_users", "rate_limit", "bearer_auth");
    private static final Set<String> TLS = Set.of(
            "cert", "key", "client_ca", "cert_file", "key_file", "client_auth_type", "client_ca_file",
            "client_allowed_sans", "min_version", "max_version", "cipher_suites",
            "prefer_server_cipher_suites", "curve_preferences");
    private static final Set<String> HTTP = Set.of("http2", "headers");
    private static final Set<String> RATE = Set.of("interval", "burst");
    private static final Set<String> BEARER = Set.of("tokens", "token_files");
    private static final Map<String, List<String>> HEADER_VALUES = Map.of(
            "Strict-Transport-Security", List.of(),
            "X-XSS-Protection", List.of(),
            "Content-Security-Policy", List.of(),
            "X-Content-Type-Options", List.of("nosniff"),
            "X-Frame-Options", List.of("deny", "sameorigin"));

    private WebConfigParser() {
    }

    /** Reads and checks {@code file}. */
    public static WebConfig parse(Path file) throws ConfigException {
        return parse(file, Set.of());
    }

    /**
     * Reads and checks {@code file}, also allowing the top-level {@code extensionKeys}, which the
     * caller reads itself (the hub's {@code admin} roles).
     */
    public static WebConfig parse(Path file, Set<String> extensionKeys) throws ConfigException {
        Optional<YamlMap> root = YamlFiles.read(file);
        if (root.isEmpty()) {
            return WebConfig.NONE;
        }
        if (!extensionKeys.isEmpty()) {
            Set<String> known = new java.util.HashSet<>(TOP);
            known.addAll(extensionKeys);
            root.get().only(known);
        }
        return parse(root.get(), file.toAbsolutePath().getParent(), !extensionKeys.isEmpty());
    }

    /** Parses config text; relative file names resolve against {@code directory}. */
    public static WebConfig parse(String name, String text, Path directory) throws ConfigException {
        Optional<YamlMap> root = YamlFiles.parse(name, text);
        return root.isEmpty() ? WebConfig.NONE : parse(root.get(), directory, false);
    }

    private static WebConfig parse(YamlMap root, Path directory, boolean keysChecked) throws ConfigException {
        if (!keysChecked) {
            root.only(TOP);
        }
        Optional<TlsServerConfig> tls = Optional.empty();
        Optional<YamlMap> tlsMap = root.map("tls_server_config");
        if (tlsMap.isPresent()) {
            tls = tls(tlsMap.get().only(TLS), directory);
        }
        boolean http2 = true;
        Map<String, String> headers = Map.of();
        Optional<YamlMap> httpMap = root.map("http_server_config");
        if (httpMap.isPresent()) {
            httpMap.get().only(HTTP);
            http2 = httpMap.get().bool("http2").orElse(true);
            headers = headers(httpMap.get());
        }
        Map<String, String> users = users(root);
        List<String> tokens = List.of();
        List<Path> tokenFiles = List.of();
        Optional<YamlMap> bearer = root.map("bearer_auth");
        if (bearer.isPresent()) {
            bearer.get().only(BEARER);
            tokens = bearer.get().strings("tokens");
            for (String token : tokens) {
                if (token.isBlank()) {
                    throw bearer.get().error("tokens", "bearer_auth.tokens must not hold an empty token");
                }
            }
            List<Path> files = new ArrayList<>();
            for (String name : bearer.get().strings("token_files")) {
                files.add(directory.resolve(name));
            }
            tokenFiles = files;
        }
        return new WebConfig(tls, http2, headers, users, tokens, tokenFiles, rateLimit(root));
    }

    private static Optional<TlsServerConfig> tls(YamlMap map, Path directory) throws ConfigException {
        String cert = map.string("cert", "");
        String certFile = map.string("cert_file", "");
        String key = map.string("key", "");
        String keyFile = map.string("key_file", "");
        String clientCa = map.string("client_ca", "");
        String clientCaFile = map.string("client_ca_file", "");
        String authType = map.string("client_auth_type", "");
        boolean enabled = !(cert.isEmpty() && certFile.isEmpty() && key.isEmpty() && keyFile.isEmpty()
                && clientCa.isEmpty() && clientCaFile.isEmpty() && authType.isEmpty());
        if (!enabled) {
            return Optional.empty();
        }
        if (cert.isEmpty() && certFile.isEmpty()) {
            throw map.error("cert_file", "tls_server_config: missing one of cert or cert_file");
        }
        if (key.isEmpty() && keyFile.isEmpty()) {
            throw map.error("key_file", "tls_server_config: missing one of key or key_file");
        }
        ClientAuth clientAuth = ClientAuth.parse(authType).orElseThrow(
                () -> map.error("client_auth_type", "tls_server_config: invalid ClientAuth: " + authType));
        boolean hasCa = !clientCa.isEmpty() || !clientCaFile.isEmpty();
        if (hasCa && clientAuth == ClientAuth.NO_CLIENT_CERT) {
            throw map.error(map.has("client_auth_type") ? "client_auth_type"
                            : clientCaFile.isEmpty() ? "client_ca" : "client_ca_file",
                    "tls_server_config: client CA's have been configured without a Client Auth Policy");
        }
        if (clientAuth.verifies() && !hasCa) {
            // Go would fall back to the system roots; an exporter trusting every public CA for
            // client certificates is never what was meant.
            throw map.error("client_auth_type", "tls_server_config: client_auth_type " + clientAuth.configName()
                    + " needs client_ca_file or client_ca to verify against");
        }
        List<String> sans = map.strings("client_allowed_sans");
        if (!sans.isEmpty() && !clientAuth.requires()) {
            throw map.error("client_allowed_sans", "tls_server_config: client_allowed_sans requires client_auth_type"
                    + " to be one of RequireAnyClientCert or RequireAndVerifyClientCert");
        }
        String min = version(map, "min_version", "TLS12");
        String max = version(map, "max_version", "TLS13");
        if (GoTlsNames.PROTOCOLS_IN_ORDER.indexOf(min) > GoTlsNames.PROTOCOLS_IN_ORDER.indexOf(max)) {
            throw map.error("min_version", "tls_server_config: min_version is newer than max_version");
        }
        List<String> ciphers = new ArrayList<>();
        for (String suite : map.strings("cipher_suites")) {
            if (!GoTlsNames.isKnownCipherSuite(suite)) {
                throw map.error("cipher_suites", "tls_server_config: unknown cipher: " + suite);
            }
            if (!GoTlsNames.isTls13Suite(suite)) {
                ciphers.add(suite);
            }
        }
        map.bool("prefer_server_cipher_suites"); // type-checked; Go ignores it, and so do we
        List<String> groups = new ArrayList<>();
        for (String curve : map.strings("curve_preferences")) {
            groups.add(GoTlsNames.namedGroup(curve).orElseThrow(
                    () -> map.error("curve_preferences", "tls_server_config: unknown curve: " + curve)));
        }
        return Optional.of(new TlsServerConfig(
                certFile.isEmpty() ? null : directory.resolve(certFile), certFile.isEmpty() ? cert : null,
                keyFile.isEmpty() ? null : directory.resolve(keyFile), keyFile.isEmpty() ? key : null,
                clientAuth,
                clientCaFile.isEmpty() ? null : directory.resolve(clientCaFile),
                clientCaFile.isEmpty() && !clientCa.isEmpty() ? clientCa : null,
                sans, min, max, ciphers, groups));
    }

    private static String version(YamlMap map, String key, String defaultName) throws ConfigException {
        String name = map.string(key, defaultName);
        return GoTlsNames.protocol(name).orElseThrow(
                () -> map.error(key, "tls_server_config: unknown TLS version: " + name));
    }

    private static Map<String, String> headers(YamlMap http) throws ConfigException {
        Map<String, String> headers = http.stringMap("headers");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            List<String> allowed = HEADER_VALUES.get(header.getKey());
            if (allowed == null) {
                throw http.error("headers", "HTTP header \"" + header.getKey() + "\" can not be configured");
            }
            if (!allowed.isEmpty() && !allowed.contains(header.getValue())) {
                throw http.error("headers", "invalid value for " + header.getKey() + ". Expected one of: "
                        + allowed + ", but got: \"" + header.getValue() + "\"");
            }
        }
        return headers;
    }

    private static Map<String, String> users(YamlMap root) throws ConfigException {
        Map<String, String> users = new LinkedHashMap<>(root.stringMap("basic_auth_users"));
        for (Map.Entry<String, String> user : users.entrySet()) {
            String problem = bcryptProblem(user.getValue());
            if (problem != null) {
                // The hash itself is a secret of sorts: name the user, never echo the value.
                throw root.error("basic_auth_users", "basic_auth_users: user \"" + user.getKey() + "\": " + problem);
            }
        }
        return users;
    }

    /** Why {@code hash} is not a usable bcrypt hash, or null if it is. */
    static String bcryptProblem(String hash) {
        if (hash.length() < 59) {
            return "hashedSecret too short to be a bcrypted password";
        }
        if (hash.charAt(0) != '$') {
            return "bcrypt hashes must start with '$'";
        }
        if (!(hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$"))) {
            return "unsupported bcrypt version (want $2a$, $2b$ or $2y$)";
        }
        int cost;
        try {
            cost = Integer.parseInt(hash.substring(4, 6));
        } catch (NumberFormatException e) {
            return "bcrypt cost is not a number";
        }
        if (cost < 4 || cost > 31) {
            return "bcrypt cost " + cost + " is outside allowed range (4,31)";
        }
        // "$2y$10$" then 22 characters of salt and 31 of hash, in bcrypt's base64 alphabet.
        if (hash.length() != 60 || hash.charAt(6) != '$') {
            return "malformed bcrypt hash";
        }
        for (int i = 7; i < 60; i++) {
            char c = hash.charAt(i);
            boolean ok = c == '.' || c == '/' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!ok) {
                return "malformed bcrypt hash";
            }
        }
        return null;
    }

    private static Optional<WebConfig.RateLimit> rateLimit(YamlMap root) throws ConfigException {
        Optional<YamlMap> map = root.map("rate_limit");
        if (map.isEmpty()) {
            return Optional.empty();
        }
        map.get().only(RATE);
        Duration interval;
        try {
            interval = GoDuration.parse(map.get().string("interval", "0"));
        } catch (IllegalArgumentException e) {
            throw map.get().error("interval", "rate_limit: " + e.getMessage());
        }
        long burst = map.get().integer("burst").orElse(0L);
        if (burst < 0) {
            throw map.get().error("burst", "rate_limit: burst must not be negative");
        }
        if (interval.isZero() || interval.isNegative()) {
            return Optional.empty();
        }
        return Optional.of(new WebConfig.RateLimit(interval, burst));
    }
}
