package dev.vigil.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, bounded in time, and keeps its exit code, standard output and error. */
record Command(List<String> args, int exitCode, String stdout, String stderr) {

    static Command run(Duration timeout, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("vigil-systemd-out", ".txt");
        Path err = Files.createTempFile("vigil-systemd-err", ".txt");
        try {
            Process process = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", args) + " did not end within " + timeout);
            }
            return new Command(List.of(args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What a failed assertion shows: the command and everything it printed. */
    String describe() {
        return String.join(" ", args) + " exited " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }
}
