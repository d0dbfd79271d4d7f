package dev.vigil.container.runtime;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Docker Engine API on a unix socket, for tests: answers {@code GET /containers/json} from the
 * containers it holds and {@code GET /containers/<id>/json} with each one's inspect body; 404 otherwise.
 * Answers are framed with Content-Length or chunked (as Go's net/http does for small/large bodies), or
 * never sent ({@link #hang}).
 */
final class FakeDockerApi implements AutoCloseable {
    final Map<String, String> inspectBodies = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger listRequests = new AtomicInteger();
    volatile boolean chunked;
    volatile boolean hang;
    volatile int chunkSize = 1000;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    FakeDockerApi(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = Thread.ofPlatform().daemon().name("fake-docker").start(this::acceptLoop);
    }

    Path socket() {
        return socket;
    }

    /** Adds a running container whose inspect answer is {@code body}. */
    void add(String id, String body) {
        inspectBodies.put(id, body);
    }

    void remove(String id) {
        inspectBodies.remove(id);
    }

    /** A minimal but well-formed inspect answer (the fields the client reads, and a few more). */
    static String inspectBody(String id, String name, long pid) {
        return """
            {"Id":"%s","Created":"2025-01-15T12:00:00.1Z","Path":"sleep","Args":["60"],
             "State":{"Status":"running","Running":true,"Pid":%d,"ExitCode":0,"Error":"",
                      "StartedAt":"2025-01-15T12:00:00.2Z","FinishedAt":"0001-01-01T00:00:00Z"},
             "Image":"sha256:a416a98b71e224a31ee99cff8e16063554498227d2b696152a9c3e0aa65e5824",
             "Name":"/%s","RestartCount":0,"HostConfig":{"NetworkMode":"bridge"},
             "Config":{"Image":"busybox:1.36","Labels":{"churn":"yes"}}}
            """.formatted(id, pid, name);
    }

    private String listBody() {
        StringBuilder out = new StringBuilder("[");
        for (String id : inspectBodies.keySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"Id\":\"").append(id).append("\",\"Names\":[\"/c").append(id, 0, 8)
                    .append("\"],\"Image\":\"busybox:1.36\",\"Created\":1736942400,\"State\":\"running\","
                            + "\"Status\":\"Up 2 seconds\",\"Labels\":{},\"HostConfig\":{\"NetworkMode\":\"bridge\"}}");
        }
        return out.append(']').toString();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            String request = readRequest(client);
            requests.incrementAndGet();
            if (hang) {
                Thread.sleep(60_000);
                return;
            }
            String target = request.split(" ", 3)[1];
            int status = 200;
            String body;
            if (target.startsWith("/containers/json")) {
                listRequests.incrementAndGet();
                body = listBody();
            } else if (target.equals("/info")) {
                body = "{\"ID\":\"X7QH:4E2B\",\"Containers\":2,\"Driver\":\"overlay2\",\"DriverStatus\":[[\"Backing "
                        + "Filesystem\",\"extfs\"]],\"DockerRootDir\":\"/var/lib/docker\",\"ServerVersion\":\"20.10.24+dfsg1\","
                        + "\"CgroupDriver\":\"cgroupfs\",\"CgroupVersion\":\"1\"}";
            } else if (target.startsWith("/containers/") && target.endsWith("/json")) {
                String id = target.substring("/containers/".length(), target.length() - "/json".length());
                body = inspectBodies.get(id);
                if (body == null) {
                    status = 404;
                    body = "{\"message\":\"No such container: " + id + "\"}";
                }
            } else {
                status = 404;
                body = "{\"message\":\"page not found\"}";
            }
            write(client, status, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            // the client went away or the test ended
        }
    }

    private static String readRequest(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains("\r\n\r\n")) {
            buffer.clear();
            if (client.read(buffer) < 0) {
                break;
            }
            text.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
        }
        return text.toString();
    }

    private void write(SocketChannel client, int status, byte[] body) throws IOException {
        String reason = status == 200 ? "OK" : "Not Found";
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Api-Version: 1.47\r\nContent-Type: application/json\r\nDocker-Experimental: false\r\n"
                + "Ostype: linux\r\nServer: Docker/27.4.1 (linux)\r\nDate: Wed, 15 Jan 2025 14:00:00 GMT\r\n");
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            writeAll(client, head.toString().getBytes(StandardCharsets.US_ASCII));
            for (int from = 0; from < body.length; from += chunkSize) {
                int n = Math.min(chunkSize, body.length - from);
                writeAll(client, (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                writeAll(client, java.util.Arrays.copyOfRange(body, from, from + n));
                writeAll(client, "\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            writeAll(client, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            writeAll(client, head.toString().getBytes(StandardCharsets.US_ASCII));
            writeAll(client, body);
        }
    }

    private static void writeAll(SocketChannel client, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            client.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        Files.deleteIfExists(socket);
    }
}
