package dev.vigil.packaging;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a deadline and keeps what it printed. */
record Command(int exit, String stdout, String stderr) {

  static Command run(Duration timeout, String... command) {
    return run(timeout, List.of(command));
  }

  static Command run(Duration timeout, List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
      }
      return new Command(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.getFirst(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Like {@link #run} but a non-zero exit is an error carrying the output. */
  static Command ok(Duration timeout, String... command) {
    Command result = run(timeout, command);
    if (result.exit() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited " + result.exit() + ":\n" + result.all());
    }
    return result;
  }

  String all() {
    return stdout + (stderr.isEmpty() ? "" : "\n" + stderr);
  }

  private static String drain(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
