package dev.vigil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.container.ContainerExporterMain;
import dev.vigil.exporter.app.ExporterApp;
import dev.vigil.exporter.app.ExporterSpec;
import dev.vigil.jvm.JvmExporterMain;
import dev.vigil.node.NodeExporterMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The flags in the manifests are flags the binaries accept: each Vigil container's args, plus
 * --help, go through the binary's own flag parser (the exporters' in this JVM, the hub's in a
 * child JVM since its entry point exits), which exits 2 on an unknown flag or a bad value and 0
 * after printing help. The image's /usr/bin/vigil-* are the repo's launchers, whose main classes
 * are the ones checked here.
 */
class FlagsTest {
    static final Map<String, ExporterSpec> EXPORTERS = Map.of(
            "vigil-node-exporter", NodeExporterMain.spec(),
            "vigil-container-exporter", ContainerExporterMain.spec(),
            "vigil-jvm-exporter", JvmExporterMain.spec());
    static final Map<String, String> MAIN = Map.of(
            "vigil-node-exporter", "dev.vigil.node.NodeExporterMain",
            "vigil-container-exporter", "dev.vigil.container.ContainerExporterMain",
            "vigil-jvm-exporter", "dev.vigil.jvm.JvmExporterMain",
            "vigil-hub", "dev.vigil.hub.HubMain");

    /** A container running one of our binaries: where it is, the binary, its args. */
    record Invocation(String where, String binary, List<String> args) {
    }

    static List<Invocation> invocations() {
        List<Invocation> out = new ArrayList<>();
        for (Manifests.Doc doc : Manifests.all()) {
            if (!doc.kind().equals("DaemonSet") && !doc.kind().equals("StatefulSet")) {
                continue;
            }
            for (Object o : Yaml.list(doc.object(), "spec", "template", "spec", "containers")) {
                Map<String, Object> c = Yaml.map(o);
                if (!String.valueOf(c.get("image")).startsWith("vigil/")) {
                    continue;
                }
                List<Object> command = Yaml.list(c, "command");
                assertEquals(1, command.size(), doc + ": command is the binary alone");
                String binary = Path.of(String.valueOf(command.get(0))).getFileName().toString();
                assertEquals("/usr/bin/" + binary, command.get(0));
                out.add(new Invocation(doc + " " + c.get("name"), binary,
                        Yaml.list(c, "args").stream().map(String::valueOf).toList()));
            }
        }
        return out;
    }

    @Test
    void everyVigilContainersArgsAreAcceptedByItsBinary() throws Exception {
        List<Invocation> all = invocations();
        assertEquals(7, all.size(), "6 exporter DaemonSets and the hub: " + all);
        for (Invocation i : all) {
            assertTrue(MAIN.containsKey(i.binary()), i.where() + ": unknown binary " + i.binary());
            assertLauncherRuns(i.binary());
            Result r = parse(i.binary(), i.args());
            assertEquals(0, r.exit(), i.where() + " " + i.args() + ": " + r.err());
            assertTrue(r.out().contains("usage: " + i.binary()), i.where() + ": " + r.out());
        }
    }

    @Test
    void aFlagTheBinaryDoesNotKnowFails() throws Exception {
        Result exporter = parse("vigil-node-exporter", List.of("--path.procfs=/host/proc", "--path.prcofs=/host/proc"));
        assertEquals(2, exporter.exit(), exporter.err());
        assertTrue(exporter.err().contains("path.prcofs"), exporter.err());
        Result hub = parse("vigil-hub", List.of("--config.file=/etc/vigil/hub.yml", "--storage.tsdb.pth=/x"));
        assertEquals(2, hub.exit(), hub.err());
        assertTrue(hub.err().contains("storage.tsdb.pth"), hub.err());
        Result value = parse("vigil-container-exporter", List.of("--collector.container.label-scheme=kubelets"));
        assertEquals(2, value.exit(), value.err());
    }

    /** The repo's launcher, which the image installs as /usr/bin/<binary>, starts the main class checked here. */
    static void assertLauncherRuns(String binary) throws IOException {
        String launcher = Files.readString(Manifests.REPO.resolve("bin").resolve(binary));
        assertTrue(launcher.contains("VIGIL_MAIN=" + MAIN.get(binary) + "\n"), binary);
    }

    record Result(int exit, String out, String err) {
    }

    static Result parse(String binary, List<String> args) throws Exception {
        List<String> withHelp = new ArrayList<>(args);
        withHelp.add("--help");
        ExporterSpec spec = EXPORTERS.get(binary);
        if (spec != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                ExporterApp.Running running = ExporterApp.start(spec, withHelp.toArray(String[]::new), o, e);
                running.close();
                throw new AssertionError(binary + " started instead of printing help");
            } catch (ExporterApp.ExitException exit) {
                return new Result(exit.code(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        }
        // The hub's main exits the JVM: run it in a child JVM on this test's class path.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                MAIN.get(binary)));
        command.addAll(withHelp);
        Path out = Files.createTempFile("hub-help", ".out");
        Path err = Files.createTempFile("hub-help", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("vigil-hub --help did not exit within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
