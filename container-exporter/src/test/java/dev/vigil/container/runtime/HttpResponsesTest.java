package dev.vigil.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

    private static Optional<HttpAnswer> parse(String raw, boolean eof) throws RuntimeApiException {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return HttpResponses.parse(bytes, bytes.length, eof);
    }

    @Test
    void contentLengthBody() throws Exception {
        HttpAnswer answer = parse("HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n[]", false).orElseThrow();
        assertEquals(200, answer.status());
        assertEquals("[]", answer.bodyText());
    }

    @Test
    void contentLengthWaitsForTheWholeBody() throws Exception {
        assertTrue(parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[1,2", false).isEmpty());
        assertTrue(parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n", false).isEmpty());
        RuntimeApiException e = assertThrows(RuntimeApiException.class,
                () -> parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[1,2", true));
        assertEquals(RuntimeApiException.Kind.PROTOCOL, e.kind());
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailer() throws Exception {
        String raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n[{\"a\"\r\n" + "3;ext=1\r\n:1}\r\n" + "1\r\n]\r\n" + "0\r\nX-Trailer: y\r\n\r\n";
        assertEquals("[{\"a\":1}]", parse(raw, false).orElseThrow().bodyText());
        assertTrue(parse(raw.substring(0, raw.length() - 2), false).isEmpty());
    }

    @Test
    void chunkedUppercaseHexSizes() throws Exception {
        String body = "x".repeat(0x1A);
        String raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1A\r\n" + body + "\r\n0\r\n\r\n";
        assertEquals(body, parse(raw, false).orElseThrow().bodyText());
    }

    @Test
    void unframedBodyEndsAtEof() throws Exception {
        assertTrue(parse("HTTP/1.0 200 OK\r\n\r\n{}", false).isEmpty());
        assertEquals("{}", parse("HTTP/1.0 200 OK\r\n\r\n{}", true).orElseThrow().bodyText());
    }

    @Test
    void notFoundAndNoContent() throws Exception {
        String body = "{\"message\":\"No such container: 0123456789abcd\"}";
        HttpAnswer missing = parse("HTTP/1.1 404 Not Found\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body, false).orElseThrow();
        assertEquals(404, missing.status());
        assertEquals(204, parse("HTTP/1.1 204 No Content\r\n\r\n", false).orElseThrow().status());
    }

    @Test
    void garbageIsAProtocolError() {
        assertEquals(RuntimeApiException.Kind.PROTOCOL,
                assertThrows(RuntimeApiException.class, () -> parse("SSH-2.0-OpenSSH\r\n\r\n", false)).kind());
        assertEquals(RuntimeApiException.Kind.PROTOCOL, assertThrows(RuntimeApiException.class,
                () -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false)).kind());
        assertEquals(RuntimeApiException.Kind.PROTOCOL, assertThrows(RuntimeApiException.class,
                () -> parse("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", false)).kind());
    }
}
