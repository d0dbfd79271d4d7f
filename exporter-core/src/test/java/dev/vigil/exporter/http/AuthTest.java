package dev.vigil.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.vigil.exporter.testing.FakeCollector;
import dev.vigil.exporter.testing.HttpProbe;
import dev.vigil.exporter.testing.TestExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth, bearer tokens, both together, security headers and the rate limit, over real HTTP. */
class AuthTest {
    @TempDir
    Path dir;

    private TestExporter start(String yaml) throws Exception {
        Path config = dir.resolve("web.yml");
        Files.writeString(config, yaml);
        return TestExporter.start(List.of(TestExporter.factory("fake", true, () -> new FakeCollector("fake"))),
                "--web.config.file=" + config, "--web.config.watch-interval=100ms");
    }

    static String hash(BCrypt.Version version, String password) {
        return new String(BCrypt.with(version).hash(4, password.toCharArray()), StandardCharsets.US_ASCII);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int status(int port, String authorization) throws Exception {
        HttpProbe probe = HttpProbe.plain();
        if (authorization != null) {
            probe.header("Authorization", authorization);
        }
        return probe.get(port, "/metrics").status();
    }

    @Test
    void basicAuthWithEveryBcryptPrefix() throws Exception {
        String yaml = "basic_auth_users:\n  alice: \"" + hash(BCrypt.Version.VERSION_2A, "wonderland") + "\"\n"
                + "  bob: \"" + hash(BCrypt.Version.VERSION_2B, "builder") + "\"\n"
                + "  carol: \"" + hash(BCrypt.Version.VERSION_2Y, "singer") + "\"\n";
        try (TestExporter exporter = start(yaml)) {
            int port = exporter.port();
            HttpProbe.Response none = HttpProbe.plain().get(port, "/metrics");
            assertEquals(401, none.status());
            assertEquals(List.of("Basic"), none.headers("WWW-Authenticate"));
            assertEquals("Unauthorized\n", none.body());
            assertEquals(200, status(port, basic("alice", "wonderland")));
            assertEquals(200, status(port, basic("bob", "builder")));
            assertEquals(200, status(port, basic("carol", "singer")));
            assertEquals(401, status(port, basic("alice", "wrong")), "wrong password");
            assertEquals(401, status(port, basic("mallory", "wonderland")), "unknown user");
            assertEquals(401, status(port, "Basic !!!notbase64"), "garbage");
            assertEquals(401, status(port, "Bearer wonderland"), "wrong scheme");
            assertEquals(200, HttpProbe.plain().get(port, "/-/healthy").status(), "health needs no credentials");
            assertFalse(exporter.log().contains("wonderland"), "a password reached the log");
        }
    }

    @Test
    void bearerTokensLiteralAndFromFileWithRotation() throws Exception {
        Path tokenFile = dir.resolve("scrape-token");
        Files.writeString(tokenFile, "file-token-1\n");
        try (TestExporter exporter = start("bearer_auth:\n  tokens: [literal-token]\n  token_files: [scrape-token]\n")) {
            int port = exporter.port();
            HttpProbe.Response none = HttpProbe.plain().get(port, "/metrics");
            assertEquals(401, none.status());
            assertEquals(List.of("Bearer"), none.headers("WWW-Authenticate"));
            assertEquals(200, status(port, "Bearer literal-token"));
            assertEquals(200, status(port, "bearer file-token-1"), "scheme is case-insensitive");
            assertEquals(401, status(port, "Bearer literal-token-x"));
            assertEquals(401, status(port, "Bearer "));

            Files.writeString(tokenFile, "file-token-2\n");
            awaitStatus(port, "Bearer file-token-2", 200);
            assertEquals(401, status(port, "Bearer file-token-1"), "the rotated-out token still works");
            assertTrue(exporter.log().contains("Reloaded web config"));
            assertFalse(exporter.log().contains("file-token"), "a token reached the log");
        }
    }

    @Test
    void eitherCredentialWhenBothAreConfigured() throws Exception {
        String yaml = "basic_auth_users:\n  alice: \"" + hash(BCrypt.Version.VERSION_2Y, "pw") + "\"\n"
                + "bearer_auth:\n  tokens: [tok]\n";
        try (TestExporter exporter = start(yaml)) {
            int port = exporter.port();
            HttpProbe.Response none = HttpProbe.plain().get(port, "/metrics");
            assertEquals(401, none.status());
            assertEquals(List.of("Basic", "Bearer"), none.headers("WWW-Authenticate"));
            assertEquals(200, status(port, basic("alice", "pw")));
            assertEquals(200, status(port, "Bearer tok"));
            assertEquals(401, status(port, basic("alice", "tok")));
        }
    }

    @Test
    void securityHeadersOnEveryAnswerIncluding401() throws Exception {
        String yaml = "http_server_config:\n  headers:\n    X-Frame-Options: deny\n    X-Content-Type-Options: nosniff\n"
                + "bearer_auth:\n  tokens: [tok]\n";
        try (TestExporter exporter = start(yaml)) {
            HttpProbe.Response denied = HttpProbe.plain().get(exporter.port(), "/metrics");
            assertEquals(401, denied.status());
            assertEquals("deny", denied.header("X-Frame-Options"));
            HttpProbe.Response ok = HttpProbe.plain().header("Authorization", "Bearer tok").get(exporter.port(), "/");
            assertEquals(200, ok.status());
            assertEquals("deny", ok.header("X-Frame-Options"));
            assertEquals("nosniff", ok.header("X-Content-Type-Options"));
        }
    }

    @Test
    void rateLimitAnswers429OnceTheBurstIsSpent() throws Exception {
        try (TestExporter exporter = start("rate_limit:\n  interval: 1h\n  burst: 2\n")) {
            int port = exporter.port();
            assertEquals(200, status(port, null));
            assertEquals(200, status(port, null));
            HttpProbe.Response limited = HttpProbe.plain().get(port, "/metrics");
            assertEquals(429, limited.status());
            assertEquals("Too Many Requests\n", limited.body());
        }
    }

    static void awaitStatus(int port, String authorization, int expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status(port, authorization);
            if (last == expected) {
                return;
            }
            Thread.sleep(50);
        }
        assertEquals(expected, last, "status did not change within 10 s");
    }
}
