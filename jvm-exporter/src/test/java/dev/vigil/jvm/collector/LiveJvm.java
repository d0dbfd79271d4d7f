package dev.vigil.jvm.collector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * A small real JVM for the tests: allocates, runs one System.gc(), prints its MXBeans' collector
 * and pool names, then idles until its stdin closes (or 120 s pass). Plus the JDK's jcmd and jstat
 * against it.
 */
final class LiveJvm implements AutoCloseable {
    static final String MAIN = "VigilIdle";
    private static final String SOURCE = """
            import java.lang.management.*;
            public class VigilIdle {
                public static void main(String[] args) throws Exception {
                    java.util.List<byte[]> keep = new java.util.ArrayList<>();
                    for (int i = 0; i < 3000; i++) { keep.add(new byte[10_000]); if (keep.size() > 300) keep.clear(); }
                    System.gc();
                    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) System.out.println("gc:" + gc.getName());
                    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) System.out.println("pool:" + pool.getName());
                    System.out.println("ready");
                    System.out.flush();
                    Thread t = new Thread(() -> { try { while (System.in.read() >= 0) { } } catch (Exception e) { } System.exit(0); });
                    t.setDaemon(true);
                    t.start();
                    Thread.sleep(120_000);
                }
            }
            """;

    static final Path JAVA_HOME = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();

    final Process process;
    final List<String> gcNames = new ArrayList<>();
    final List<String> poolNames = new ArrayList<>();

    private LiveJvm(Process process) {
        this.process = process;
    }

    static Path compile(Path dir) throws IOException {
        Path source = dir.resolve(MAIN + ".java");
        Files.writeString(source, SOURCE);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString());
        if (rc != 0) {
            throw new IOException("javac failed: " + rc);
        }
        return dir;
    }

    /** Starts it and waits for "ready"; {@code flags} are JVM options such as {@code -XX:+UseG1GC}. */
    static LiveJvm start(Path classes, String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA_HOME.resolve("bin/java").toString(), "-Xmx64m",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", classes.toString(), MAIN));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LiveJvm jvm = new LiveJvm(process);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); ; line = out.readLine()) {
                if (line == null) {
                    throw new IOException("JVM " + command + " exited before it was ready");
                }
                if (line.equals("ready")) {
                    break;
                }
                if (line.startsWith("gc:")) {
                    jvm.gcNames.add(line.substring(3));
                } else if (line.startsWith("pool:")) {
                    jvm.poolNames.add(line.substring(5));
                }
            }
        } catch (IOException | RuntimeException e) {
            jvm.close();
            throw e;
        }
        return jvm;
    }

    int pid() {
        return (int) process.pid();
    }

    /** {@code jcmd <pid> PerfCounter.print} as name → value (strings unquoted). */
    Map<String, String> perfCounters() throws IOException, InterruptedException {
        Map<String, String> counters = new LinkedHashMap<>();
        for (String line : tool("jcmd", Integer.toString(pid()), "PerfCounter.print")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1);
                counters.put(line.substring(0, eq), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
        }
        return counters;
    }

    /** {@code jstat -gc <pid>}: column → value. */
    Map<String, String> jstatGc() throws IOException, InterruptedException {
        List<String> lines = tool("jstat", "-gc", Integer.toString(pid()));
        String[] header = lines.get(0).trim().split("\\s+");
        String[] values = lines.get(1).trim().split("\\s+");
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i], values[i]);
        }
        return columns;
    }

    private static List<String> tool(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA_HOME.resolve("bin/" + name).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command + " failed: " + lines);
        }
        return lines;
    }

    /** Closes its stdin (it exits by itself) and waits; kills it if it does not. */
    void stop() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
