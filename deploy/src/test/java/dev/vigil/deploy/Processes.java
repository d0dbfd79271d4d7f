package dev.vigil.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command (docker, the image script) to its end within a deadline, keeping its output. */
public final class Processes {
    private Processes() {}

    /** What a command printed and how it exited. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public static Result run(Duration timeout, List<String> command) {
        return run(timeout, new ProcessBuilder(command));
    }

    public static Result run(Duration timeout, ProcessBuilder pb) {
        try {
            // Files, not pipes: a chatty command cannot block on a full pipe while we wait.
            Path out = Files.createTempFile("deploy-it", ".out");
            Path err = Files.createTempFile("deploy-it", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(pb.command() + ": no exit within " + timeout);
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(pb.command() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
