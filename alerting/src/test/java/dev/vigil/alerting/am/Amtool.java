package dev.vigil.alerting.am;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code amtool} (Alertmanager 0.25) as the oracle for config checks and routing. */
public final class Amtool {
    private static final Path BINARY = Path.of("/usr/bin/amtool");

    private Amtool() {
    }

    public static boolean present() {
        return Files.isExecutable(BINARY);
    }

    /** Skips the calling test when amtool is not installed (CI installs prometheus-alertmanager). */
    public static void assumePresent() {
        assumeTrue(Files.isExecutable(BINARY), "amtool is not installed");
    }

    /** {@code amtool check-config}: null on success, else the reason after "FAILED: ". */
    public static String checkConfig(Path file) {
        String out = run("check-config", file.toString());
        int i = out.indexOf("FAILED: ");
        if (i < 0) {
            if (!out.contains("SUCCESS")) {
                throw new AssertionError("unexpected amtool output: " + out);
            }
            return null;
        }
        String rest = out.substring(i + "FAILED: ".length());
        int end = rest.indexOf("\n\n");
        return (end < 0 ? rest : rest.substring(0, end)).strip();
    }

    /**
     * As {@link #checkConfig}, but null when amtool is absent (callers that also check our own
     * result need not be skipped; {@code .ci/run} installs amtool so CI always compares).
     */
    public static String checkConfigIfPresent(Path file) {
        return Files.isExecutable(BINARY) ? checkConfig(file) : null;
    }

    /** {@code amtool config routes test}: the receivers it prints, in order. */
    public static List<String> routesTest(Path file, String... labels) {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + file));
        args.addAll(Arrays.asList(labels));
        String out = run(args.toArray(String[]::new)).strip();
        return List.of(out.split(","));
    }

    private static String run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(BINARY.toString());
        cmd.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("amtool did not finish: " + cmd);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run amtool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
