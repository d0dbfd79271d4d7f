package dev.vigil.exporter.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code Authorization: Basic} credentials against bcrypt hashes ($2a$, $2b$, $2y$).
 *
 * <p>As in the exporter-toolkit, an unknown user is checked against a fixed dummy hash so that
 * timing does not tell which users exist, and results are cached by a digest of user, hash and
 * password (never the password itself) so a scraper does not pay bcrypt's cost every 15 seconds.
 */
public final class BasicAuthenticator {
    /** bcrypt("fakepassword", cost 10): spent for unknown users so they take as long as known ones. */
    private static final byte[] DUMMY_HASH =
            "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi".getBytes(StandardCharsets.US_ASCII);
    private static final int CACHE_SIZE = 100;

    private final Map<String, byte[]> users;
    private final Map<String, Boolean> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** @param users user name to bcrypt hash */
    public BasicAuthenticator(Map<String, String> users) {
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        users.forEach((user, hash) -> hashes.put(user, hash.getBytes(StandardCharsets.US_ASCII)));
        this.users = Map.copyOf(hashes);
    }

    public boolean enabled() {
        return !users.isEmpty();
    }

    /** Whether the {@code Authorization} header value holds a known user's right password. */
    public boolean check(String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        return check(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** Whether {@code user} exists and {@code password} matches its hash. */
    public boolean check(String user, String password) {
        byte[] hash = users.get(user);
        boolean known = hash != null;
        byte[] against = known ? hash : DUMMY_HASH;
        String key = cacheKey(user, against, password);
        Boolean cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        boolean ok;
        if (cached != null) {
            ok = cached;
        } else {
            ok = verify(password, against);
            synchronized (cache) {
                cache.put(key, ok);
            }
        }
        return known && ok;
    }

    private static boolean verify(String password, byte[] hash) {
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String cacheKey(String user, byte[] hash, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : List.of(user.getBytes(StandardCharsets.UTF_8), hash,
                    password.getBytes(StandardCharsets.UTF_8))) {
                digest.update(HexFormat.of().formatHex(part).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user names, for startup logs. */
    public List<String> userNames() {
        return new ArrayList<>(users.keySet());
    }
}
