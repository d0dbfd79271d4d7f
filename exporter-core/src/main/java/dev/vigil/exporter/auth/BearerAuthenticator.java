package dev.vigil.exporter.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured tokens (Vigil's {@code
 * bearer_auth} extension). Tokens are held only as SHA-256 digests and compared with {@link
 * MessageDigest#isEqual}, which takes the same time whether or not, and where, they differ; every
 * configured token is compared, so the count of comparisons does not leak a match's position.
 */
public final class BearerAuthenticator {
    private final List<byte[]> digests;

    private BearerAuthenticator(List<byte[]> digests) {
        this.digests = List.copyOf(digests);
    }

    /**
     * Loads literal tokens and token files (one token per file, surrounding white space ignored,
     * as Prometheus' {@code credentials_file} reads it).
     *
     * @throws IOException naming an unreadable or empty token file
     */
    public static BearerAuthenticator load(List<String> tokens, List<Path> tokenFiles) throws IOException {
        List<byte[]> digests = new ArrayList<>();
        for (String token : tokens) {
            digests.add(digest(token.trim()));
        }
        for (Path file : tokenFiles) {
            String token;
            try {
                token = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new IOException("bearer_auth: cannot read token file " + file + ": " + e.getMessage(), e);
            }
            if (token.isEmpty()) {
                throw new IOException("bearer_auth: token file " + file + " is empty");
            }
            digests.add(digest(token));
        }
        return new BearerAuthenticator(digests);
    }

    public boolean enabled() {
        return !digests.isEmpty();
    }

    /** Whether the {@code Authorization} header value carries one of the tokens. */
    public boolean check(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] offered = digest(authorization.substring(7).trim());
        boolean match = false;
        for (byte[] expected : digests) {
            match |= MessageDigest.isEqual(expected, offered);
        }
        return match;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
