package dev.vigil.bench.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many scrape targets served by one thread: each target is its own listening port on 127.0.0.1,
 * all driven by one NIO selector, so a thousand targets cost one thread and a few file
 * descriptors each. A target is one of:
 * <ul>
 * <li>{@link Kind#HEALTHY}: {@code series} gauges {@code farm_value{series="k"}} whose values move
 * at every scrape, plus a counter {@code farm_scrapes_total}; HTTP/1.1 keep-alive;</li>
 * <li>{@link Kind#HANG}: accepts and reads the request, never answers;</li>
 * <li>{@link Kind#GARBAGE}: answers 200 with a body that is not the text format;</li>
 * <li>{@link Kind#SLOW}: answers 200 with a long {@code Content-Length} and trickles a comment line
 * every 200 ms, so the body never completes within a scrape timeout.</li>
 * </ul>
 * Loopback only; {@link #close()} stops the thread and closes every socket.
 */
final class TargetFarm implements AutoCloseable {
    enum Kind { HEALTHY, HANG, GARBAGE, SLOW }

    /** What a garbage target answers: the fourth line is not a sample. */
    static final String GARBAGE_BODY = "# TYPE farm_value gauge\nfarm_value{series=\"0\"} 1\nfarm_value{series=\"1\"} 2\n"
            + "<html><body>502 Bad Gateway</body></html>\n";

    private final Kind[] kinds;
    private final int series;
    private final Selector selector;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final int[] ports;
    private final AtomicLongArray served;
    private final Set<SocketChannel> slow = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Per connection: the target and the bytes of the request read so far. */
    private static final class Conn {
        final int target;
        final StringBuilder request = new StringBuilder();
        ByteBuffer pending;

        Conn(int target) {
            this.target = target;
        }
    }

    TargetFarm(Kind[] kinds, int series) throws IOException {
        this.kinds = kinds.clone();
        this.series = series;
        this.selector = Selector.open();
        this.ports = new int[kinds.length];
        this.served = new AtomicLongArray(kinds.length);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            for (int t = 0; t < kinds.length; t++) {
                ServerSocketChannel listener = ServerSocketChannel.open();
                listeners.add(listener);
                listener.bind(new InetSocketAddress(loopback, 0), 128);
                listener.configureBlocking(false);
                listener.register(selector, SelectionKey.OP_ACCEPT, t);
                ports[t] = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            }
        } catch (IOException e) {
            closeAll();
            throw e;
        }
        thread = Thread.ofPlatform().daemon().name("target-farm").start(this::run);
    }

    int size() {
        return kinds.length;
    }

    Kind kind(int t) {
        return kinds[t];
    }

    String address(int t) {
        return "127.0.0.1:" + ports[t];
    }

    /** Requests answered so far by target {@code t} (healthy and garbage targets). */
    long served(int t) {
        return served.get(t);
    }

    /**
     * Writes {@code dir/targets.json} (file_sd, as {@link #writeFileSd}) and {@code dir/prometheus.yml}
     * with one job scraping it at {@code interval} with {@code timeout}; returns the config's path.
     */
    Path writeConfig(Path dir, String job, String interval, String timeout) throws IOException {
        Path sd = dir.resolve("targets.json");
        writeFileSd(sd);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: " + interval + "\n  scrape_timeout: " + timeout
                + "\nscrape_configs:\n  - job_name: " + job + "\n    file_sd_configs:\n      - files: [\"" + sd + "\"]\n");
        return config;
    }

    /**
     * Writes a file_sd file: one group per kind, labelled {@code kind="healthy"} etc. The order of
     * the targets is shuffled by kind so that the bad ones are spread over the scrape offsets.
     */
    void writeFileSd(Path file) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (Kind kind : Kind.values()) {
            List<String> targets = new ArrayList<>();
            for (int t = 0; t < kinds.length; t++) {
                if (kinds[t] == kind) {
                    targets.add("\"" + address(t) + "\"");
                }
            }
            if (!targets.isEmpty()) {
                json.append(json.length() > 1 ? ",\n" : "\n").append("{\"targets\": [").append(String.join(", ", targets))
                        .append("], \"labels\": {\"kind\": \"").append(kind.name().toLowerCase()).append("\"}}");
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, json.append("\n]\n").toString());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void run() {
        long nextTrickle = System.nanoTime();
        ByteBuffer buffer = ByteBuffer.allocate(16 << 10);
        while (running) {
            try {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    try {
                        if (key.isAcceptable()) {
                            SocketChannel c = ((ServerSocketChannel) key.channel()).accept();
                            if (c != null) {
                                c.configureBlocking(false);
                                c.register(selector, SelectionKey.OP_READ, new Conn((Integer) key.attachment()));
                            }
                        } else {
                            if (key.isReadable()) {
                                read(key, buffer);
                            }
                            if (key.isValid() && key.isWritable()) {
                                flush(key);
                            }
                        }
                    } catch (IOException e) {
                        close(key);
                    }
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() - nextTrickle >= 0) {
                    nextTrickle = System.nanoTime() + 200_000_000L;
                    trickle();
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void close(SelectionKey key) {
        slow.remove(key.channel());
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void read(SelectionKey key, ByteBuffer buffer) throws IOException {
        SocketChannel c = (SocketChannel) key.channel();
        Conn conn = (Conn) key.attachment();
        buffer.clear();
        int n = c.read(buffer);
        if (n < 0) {
            close(key);
            return;
        }
        conn.request.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
        int end = conn.request.indexOf("\r\n\r\n");
        if (end < 0) {
            if (conn.request.length() > 64 << 10) {
                close(key);
            }
            return;
        }
        conn.request.delete(0, end + 4); // a GET has no body
        switch (kinds[conn.target]) {
            case HEALTHY -> respond(key, conn, "200 OK", healthyBody(conn.target));
            case GARBAGE -> respond(key, conn, "200 OK", GARBAGE_BODY.getBytes(StandardCharsets.UTF_8));
            case HANG -> {
                // read and ignored: the scraper waits until its timeout
            }
            case SLOW -> {
                c.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\n"
                        + "Content-Length: 10000000\r\n\r\n# slow\n").getBytes(StandardCharsets.US_ASCII)));
                slow.add(c);
            }
        }
    }

    private byte[] healthyBody(int t) {
        long n = served.incrementAndGet(t);
        StringBuilder body = new StringBuilder(series * 40 + 200);
        body.append("# HELP farm_scrapes_total Scrapes this target answered.\n# TYPE farm_scrapes_total counter\n")
                .append("farm_scrapes_total ").append(n).append('\n')
                .append("# HELP farm_value A moving value.\n# TYPE farm_value gauge\n");
        for (int k = 0; k < series; k++) {
            body.append("farm_value{series=\"").append(k).append("\"} ").append((n * 7 + k * 13) % 1000 / 4.0).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void respond(SelectionKey key, Conn conn, String status, byte[] body) throws IOException {
        if (kinds[conn.target] == Kind.GARBAGE) {
            served.incrementAndGet(conn.target);
        }
        byte[] head = ("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
        conn.pending = out;
        flush(key);
    }

    private static void flush(SelectionKey key) throws IOException {
        Conn conn = (Conn) key.attachment();
        if (conn.pending != null) {
            ((SocketChannel) key.channel()).write(conn.pending);
            if (!conn.pending.hasRemaining()) {
                conn.pending = null;
            }
        }
        key.interestOps(conn.pending == null ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    private void trickle() {
        for (SocketChannel c : List.copyOf(slow)) {
            try {
                c.write(ByteBuffer.wrap("# still coming\n".getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                slow.remove(c);
                SelectionKey key = c.keyFor(selector);
                if (key != null) {
                    close(key);
                }
            }
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (ServerSocketChannel l : listeners) {
            try {
                l.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        if (thread != null) {
            thread.join(5_000);
        }
        closeAll();
    }
}
