package dev.vigil.hub.web;

import dev.vigil.exporter.auth.BearerAuthenticator;
import dev.vigil.exporter.security.WebConfigSource;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.exporter.yaml.YamlFiles;
import dev.vigil.exporter.yaml.YamlMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the hub's admin endpoints (the TSDB admin API, {@code /-/reload}) when its web
 * config asks for credentials. A Vigil extension to the web-config file names them:
 * <pre>
 * admin:
 *   users: [alice]               # names from basic_auth_users
 *   token_files: [admin.token]   # files also listed in bearer_auth.token_files
 * </pre>
 * Every other authenticated identity is read-only. The web server's security filter has already
 * checked the credential itself before a handler runs, so for basic auth the user name suffices;
 * an admin token is compared by digest in constant time, as the filter compares it.
 *
 * @param required whether the web config asks for credentials at all (without it, as in
 *     Prometheus, anyone who reaches the port may use what is enabled)
 * @param users admin user names
 * @param tokens admin bearer tokens
 */
public record AdminRoles(boolean required, Set<String> users, BearerAuthenticator tokens) {
    /** The extension's key in the web-config file. */
    public static final String KEY = "admin";
    private static final Set<String> KEYS = Set.of("users", "token_files");

    /** No credentials configured: every caller is an admin. */
    public static AdminRoles open() {
        try {
            return new AdminRoles(false, Set.of(), BearerAuthenticator.load(List.of(), List.of()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the {@code admin} section of a web-config file.
     *
     * @param required whether the file configures credentials
     * @param basicUsers the users of {@code basic_auth_users}
     * @param tokenFiles the files of {@code bearer_auth.token_files}, resolved
     * @throws ConfigException for an unknown key, a user or token file not configured for auth
     */
    public static AdminRoles load(Path file, boolean required, Set<String> basicUsers, List<Path> tokenFiles)
            throws ConfigException {
        Optional<YamlMap> root = YamlFiles.read(file);
        Optional<YamlMap> admin = root.isPresent() ? root.get().map(KEY) : Optional.empty();
        if (admin.isEmpty()) {
            return new AdminRoles(required, Set.of(), tokens(file, List.of()));
        }
        admin.get().only(KEYS);
        List<String> users = admin.get().strings("users");
        for (String user : users) {
            if (!basicUsers.contains(user)) {
                throw admin.get().error("users", "admin.users: \"" + user + "\" is not in basic_auth_users");
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Path> files = admin.get().strings("token_files").stream().map(dir::resolve).toList();
        for (Path f : files) {
            if (!tokenFiles.contains(f)) {
                throw admin.get().error("token_files", "admin.token_files: " + f + " is not in bearer_auth.token_files");
            }
        }
        return new AdminRoles(required, Set.copyOf(users), tokens(file, files));
    }

    private static BearerAuthenticator tokens(Path file, List<Path> files) throws ConfigException {
        try {
            return BearerAuthenticator.load(List.of(), files);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, e.getMessage(), e);
        }
    }

    /** The roles of the web config {@code source} currently holds. */
    public static AdminRoles from(WebConfigSource source) throws ConfigException {
        if (source.file() == null) {
            return open();
        }
        var config = source.current().config();
        return load(source.file(), config.requiresAuth(), config.basicAuthUsers().keySet(),
                config.bearerTokenFiles());
    }

    /** Whether a request that passed authentication with this {@code Authorization} header is an admin's. */
    public boolean isAdmin(String authorization) {
        if (!required) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.enabled() && tokens.check(authorization);
        }
        return basicUser(authorization).map(users::contains).orElse(false);
    }

    /** The user name of a basic-auth {@code Authorization} header (never its password); empty otherwise. */
    public static Optional<String> basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
