package dev.vigil.container.runtime;

import dev.vigil.container.runtime.RuntimeApiException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A minimal HTTP/1.1 GET client over a unix domain socket (the Docker Engine API, Podman's compatible
 * API). One connection per request with {@code Connection: close}; the whole exchange (connect, write,
 * read) has one deadline, kept with a selector because a unix {@link SocketChannel} has no read timeout.
 */
public final class UnixHttpClient {
    /** A list of thousands of containers is a few MB; anything far larger is not a Docker answer. */
    static final int MAX_RESPONSE_BYTES = 64 << 20;

    private final Path socket;
    private final Duration timeout;

    public UnixHttpClient(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    public Path socket() {
        return socket;
    }

    /** GETs {@code pathAndQuery} (e.g. {@code /containers/json?all=false}); any status is returned. */
    public HttpAnswer get(String pathAndQuery) throws RuntimeApiException {
        if (!Files.exists(socket)) {
            throw new RuntimeApiException(Kind.ABSENT, "no socket at " + socket);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                await(selector, deadline, "connecting");
                channel.finishConnect();
            }
            write(channel, selector, request(pathAndQuery), deadline);
            return read(channel, selector, deadline);
        } catch (RuntimeApiException e) {
            throw e;
        } catch (ConnectException e) {
            throw new RuntimeApiException(Kind.REFUSED, "nothing accepts on " + socket + ": " + e.getMessage(), e);
        } catch (AccessDeniedException e) {
            throw new RuntimeApiException(Kind.DENIED, "no permission to open " + socket, e);
        } catch (SocketException e) {
            String message = String.valueOf(e.getMessage());
            Kind kind = message.contains("ermission denied") ? Kind.DENIED
                    : message.contains("refused") ? Kind.REFUSED : Kind.IO;
            throw new RuntimeApiException(kind, socket + ": " + message, e);
        } catch (IOException e) {
            throw new RuntimeApiException(Kind.IO, socket + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer request(String pathAndQuery) {
        // Host is required by HTTP/1.1; the daemon ignores its value on a unix socket.
        String text = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: vigil-container-exporter\r\n"
                + "Accept: application/json\r\nConnection: close\r\n\r\n";
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private void write(SocketChannel channel, Selector selector, ByteBuffer out, long deadline) throws IOException {
        SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                await(selector, deadline, "sending the request");
            }
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    private HttpAnswer read(SocketChannel channel, Selector selector, long deadline) throws IOException {
        byte[] data = new byte[16 << 10];
        int length = 0;
        ByteBuffer buffer = ByteBuffer.allocate(16 << 10);
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                return HttpResponses.parse(data, length, true).orElseThrow();
            }
            if (n == 0) {
                await(selector, deadline, "waiting for the answer");
                continue;
            }
            if (length + n > MAX_RESPONSE_BYTES) {
                throw new RuntimeApiException(Kind.PROTOCOL, "answer larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            if (length + n > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + n));
            }
            System.arraycopy(buffer.array(), 0, data, length, n);
            length += n;
            if (mayBeComplete(data, length)) {
                Optional<HttpAnswer> answer = HttpResponses.parse(data, length, false);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
    }

    /** A cheap test so a long chunked answer is not re-parsed after every read. */
    private static boolean mayBeComplete(byte[] data, int length) {
        if (length >= 5 && data[length - 1] == '\n' && data[length - 2] == '\r' && data[length - 3] == '\n'
                && data[length - 4] == '\r') {
            return true; // end of headers, or the chunked terminator "0\r\n\r\n"
        }
        int headerEnd = HttpResponses.indexOf(data, 0, Math.min(length, 8192), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (headerEnd < 0) {
            return false;
        }
        String headers = new String(data, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return !headers.contains("transfer-encoding") && headers.contains("content-length");
    }

    private void await(Selector selector, long deadline, String doing) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new RuntimeApiException(Kind.TIMEOUT, "no answer from " + socket + " within " + timeout + " ("
                    + doing + ")");
        }
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
    }
}
