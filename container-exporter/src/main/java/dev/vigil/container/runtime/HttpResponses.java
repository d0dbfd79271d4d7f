package dev.vigil.container.runtime;

import dev.vigil.container.runtime.RuntimeApiException.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses an HTTP/1.1 response from the bytes read so far (pure): a body framed by {@code Content-Length},
 * by {@code Transfer-Encoding: chunked}, or by the end of the stream. Empty means "not complete yet".
 */
final class HttpResponses {
    private HttpResponses() {
    }

    /**
     * @param eof whether the peer closed the stream (then an incomplete answer is an error, and a body
     *     without framing ends here)
     */
    static Optional<HttpAnswer> parse(byte[] data, int length, boolean eof) throws RuntimeApiException {
        int headerEnd = indexOf(data, 0, length, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (headerEnd < 0) {
            return incomplete(eof, "the connection closed before the response headers ended");
        }
        String[] lines = new String(data, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = statusCode(lines[0]);
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new RuntimeApiException(Kind.PROTOCOL, "bad header line: " + lines[i]);
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if (name.equals("content-length")) {
                contentLength = parseLength(value);
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        int bodyStart = headerEnd + 4;
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return Optional.of(new HttpAnswer(status, new byte[0]));
        }
        if (chunked) {
            return dechunk(data, bodyStart, length, eof).map(body -> new HttpAnswer(status, body));
        }
        if (contentLength >= 0) {
            if (length - bodyStart < contentLength) {
                return incomplete(eof, "the connection closed after " + (length - bodyStart) + " of "
                        + contentLength + " body bytes");
            }
            return Optional.of(new HttpAnswer(status, copy(data, bodyStart, (int) contentLength)));
        }
        // No framing: the body runs to the end of the stream.
        return eof ? Optional.of(new HttpAnswer(status, copy(data, bodyStart, length - bodyStart))) : Optional.empty();
    }

    private static Optional<byte[]> dechunk(byte[] data, int from, int length, boolean eof)
            throws RuntimeApiException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = from;
        while (true) {
            int lineEnd = indexOf(data, pos, length, new byte[] {'\r', '\n'});
            if (lineEnd < 0) {
                return incomplete(eof, "the connection closed inside a chunk header");
            }
            String sizeLine = new String(data, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int semicolon = sizeLine.indexOf(';'); // chunk extensions are allowed and ignored
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new RuntimeApiException(Kind.PROTOCOL, "bad chunk size: " + sizeLine);
            }
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw new RuntimeApiException(Kind.PROTOCOL, "bad chunk size: " + sizeLine);
            }
            pos = lineEnd + 2;
            if (size == 0) {
                // Trailer fields (rare) end with an empty line.
                int trailerEnd = pos;
                while (true) {
                    int end = indexOf(data, trailerEnd, length, new byte[] {'\r', '\n'});
                    if (end < 0) {
                        return incomplete(eof, "the connection closed inside the chunked trailer");
                    }
                    if (end == trailerEnd) {
                        return Optional.of(body.toByteArray());
                    }
                    trailerEnd = end + 2;
                }
            }
            if (length - pos < size + 2) {
                return incomplete(eof, "the connection closed inside a chunk");
            }
            body.write(data, pos, (int) size);
            pos += (int) size;
            if (data[pos] != '\r' || data[pos + 1] != '\n') {
                throw new RuntimeApiException(Kind.PROTOCOL, "a chunk does not end with CRLF");
            }
            pos += 2;
        }
    }

    private static int statusCode(String statusLine) throws RuntimeApiException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new RuntimeApiException(Kind.PROTOCOL, "not an HTTP/1.x status line: " + statusLine);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new RuntimeApiException(Kind.PROTOCOL, "bad status code: " + statusLine);
        }
    }

    private static long parseLength(String value) throws RuntimeApiException {
        try {
            long length = Long.parseLong(value);
            if (length < 0 || length > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw new RuntimeApiException(Kind.PROTOCOL, "bad Content-Length: " + value);
        }
    }

    private static <T> Optional<T> incomplete(boolean eof, String why) throws RuntimeApiException {
        if (eof) {
            throw new RuntimeApiException(Kind.PROTOCOL, why);
        }
        return Optional.empty();
    }

    private static byte[] copy(byte[] data, int from, int count) {
        byte[] out = new byte[count];
        System.arraycopy(data, from, out, 0, count);
        return out;
    }

    static int indexOf(byte[] data, int from, int length, byte[] needle) {
        outer:
        for (int i = from; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
