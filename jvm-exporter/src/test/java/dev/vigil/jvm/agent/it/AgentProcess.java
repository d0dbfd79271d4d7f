package dev.vigil.jvm.agent.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link ProbeApp} JVM started with the shaded agent; stdout lines are queued, stderr kept. */
final class AgentProcess implements AutoCloseable {
    static final Path AGENT_JAR = Path.of("target/vigil-jvm-agent.jar");
    /** jmx_exporter's agent, copied here by the build before the ITs (see the pom). */
    static final Path JMX_EXPORTER_AGENT_JAR = Path.of("target/peers/jmx_prometheus_javaagent.jar");

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();

    private AgentProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().start(() -> pump(new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
        Thread.ofPlatform().daemon().start(() -> pump(new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
    }

    /**
     * Starts {@code java -Xmx64m -javaagent:target/vigil-jvm-agent.jar=<agentArgs> -cp <classPath> ProbeApp appArgs}.
     */
    static AgentProcess start(String agentArgs, String classPath, String... appArgs) throws IOException {
        return start(AGENT_JAR, agentArgs, classPath, appArgs);
    }

    /** As {@link #start(String, String, String...)} with another agent jar (jmx_exporter's, say). */
    static AgentProcess start(Path agentJar, String agentArgs, String classPath, String... appArgs)
            throws IOException {
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalStateException(agentJar + " is missing: run the package phase first");
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-Xms64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        command.add("-javaagent:" + agentJar.toAbsolutePath() + (agentArgs == null ? "" : "=" + agentArgs));
        command.addAll(List.of("-cp", classPath, ProbeApp.class.getName()));
        command.addAll(List.of(appArgs));
        return new AgentProcess(new ProcessBuilder(command).start());
    }

    /** The test classes only: ProbeApp with nothing of the agent's dependencies beside it. */
    static String probeOnlyClassPath() {
        return Path.of("target/test-classes").toAbsolutePath().toString();
    }

    /**
     * The test's own class path, which holds unrelocated Helidon, client_java, Bouncy Castle,
     * SnakeYAML and exporter-core, less this module's main classes (which would stand in for the
     * agent's own: the class path comes before the agent jar).
     */
    static String applicationStackClassPath() {
        String main = Path.of("target/classes").toAbsolutePath().toString();
        return String.join(java.io.File.pathSeparator, List.of(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).stream().filter(entry -> !Path.of(entry).toAbsolutePath()
                .toString().equals(main)).toList());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The next stdout line starting with {@code prefix}, without it. */
    String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("no line starting with " + prefix + "; stderr: " + stderr);
    }

    /** Asks the program for its MXBean values. */
    Map<String, String> mx() throws IOException, InterruptedException {
        stdin.write("mx\n");
        stdin.flush();
        Map<String, String> values = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("end")) {
                return values;
            }
            int eq = line.lastIndexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        throw new AssertionError("no MXBean values; stderr: " + stderr);
    }

    String stderr() {
        return stderr.toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void pump(BufferedReader reader, boolean out) {
        try (reader) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (out) {
                    lines.add(line);
                } else {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
