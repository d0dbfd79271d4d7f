package dev.vigil.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.testing.HttpProbe;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The checked-in launcher, run as a user runs it, after {@code package} built the jar: it finds a
 * JDK, execs the JVM (so the PID the caller holds is the exporter's), serves, and passes exit codes on.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "vigil-node-exporter").toAbsolutePath().normalize();

    @Test
    void execsTheJvmAndServes() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("launcher", ".log");
        Process process = new ProcessBuilder(LAUNCHER.toString(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int status = -1;
            while (status != 200 && System.nanoTime() < deadline && process.isAlive()) {
                try {
                    status = HttpProbe.plain().get(port, "/-/healthy").status();
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertEquals(200, status, Files.readString(log));
            String exe = Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "exe")).toString();
            assertTrue(exe.endsWith(File.separator + "java"), "the launcher's PID runs " + exe + ", not the JVM");
            String cmdline = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"))
                    .replace('\0', ' ');
            assertTrue(cmdline.contains("-XX:+UseSerialGC") && cmdline.contains("dev.vigil.node.NodeExporterMain"), cmdline);
            assertTrue(HttpProbe.plain().get(port, "/metrics").body().contains("node_exporter_build_info"));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void unknownFlagExitsWith2() throws Exception {
        Process process = new ProcessBuilder(LAUNCHER.toString(), "--no-such-flag").redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("unknown long flag '--no-such-flag', try --help"), output);
    }
}
