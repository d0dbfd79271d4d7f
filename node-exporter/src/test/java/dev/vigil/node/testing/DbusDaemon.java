package dev.vigil.node.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private dbus-daemon for tests, listening on a socket in a temporary directory, with a policy
 * that lets anyone own any name. Its per-connection limit on pending replies is as low as the
 * systemd collector's pipelining window, so a test fails if the collector ever exceeds it.
 */
public final class DbusDaemon implements AutoCloseable {
    private static final List<Path> BINARIES = List.of(Path.of("/usr/bin/dbus-daemon"), Path.of("/bin/dbus-daemon"));

    private final Path dir;
    private final Path socket;
    private final Process process;

    private DbusDaemon(Path dir, Path socket, Process process) {
        this.dir = dir;
        this.socket = socket;
        this.process = process;
    }

    /** Starts a daemon in a new temporary directory. */
    public static DbusDaemon start(int maxRepliesPerConnection) throws IOException, InterruptedException {
        return start(Files.createTempDirectory("vigil-dbus"), maxRepliesPerConnection);
    }

    /** Starts a daemon listening in {@code dir}: again on the same socket after {@link #stop()}. */
    public static DbusDaemon start(Path dir, int maxRepliesPerConnection) throws IOException, InterruptedException {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("dbus-daemon is not installed (apt-get install dbus)"));
        Path socket = dir.resolve("bus");
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow user="*"/>
                    <allow own="*"/>
                    <allow send_destination="*"/>
                    <allow receive_sender="*"/>
                  </policy>
                  <limit name="max_replies_per_connection">%d</limit>
                </busconfig>
                """.formatted(socket, maxRepliesPerConnection));
        Process process = new ProcessBuilder(binary.toString(), "--config-file=" + config, "--nofork", "--nopidfile")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroy();
                throw new AssertionError("dbus-daemon did not start: " + Files.readString(dir.resolve("daemon.log")));
            }
            Thread.sleep(10);
        }
        return new DbusDaemon(dir, socket, process);
    }

    /** The bus's D-Bus address, e.g. {@code unix:path=/tmp/vigil-dbus123/bus}. */
    public String address() {
        return "unix:path=" + socket;
    }

    public Path dir() {
        return dir;
    }

    /** Stops the daemon, keeping its directory (to start another on the same socket). */
    public void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        if (!Files.exists(dir)) {
            return; // another daemon on the same directory removed it
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
