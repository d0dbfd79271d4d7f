package dev.vigil.packaging;

import dev.vigil.container.docker.DockerSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A clean Debian bookworm (debootstrap minbase, no Java) in a container on the host's network,
 * with this module's target/ mounted read-only at /pkgs; removed on close.
 */
final class DebianContainer implements AutoCloseable {
  private static final Duration STEP = Duration.ofMinutes(2);
  private static String image;

  private final String id;

  private DebianContainer(String id) {
    this.id = id;
  }

  static DebianContainer start(String name) {
    String image = image();
    String id = Command.ok(STEP, "docker", "run", "-d", "--network", "host", "--name",
        "vigil-deb-" + name + "-" + ProcessHandle.current().pid(), "--label", DockerSupport.OWNER_LABEL + "=rpm-deb",
        "-v", BuiltPackages.target() + ":/pkgs:ro", image, "sleep", "infinity").stdout().strip();
    return new DebianContainer(id);
  }

  /** Builds (or finds) the Debian image; without an engine the test aborts, or fails in CI. */
  private static synchronized String image() {
    if (image == null) {
      var why = DockerSupport.whyUnreachable();
      if (why.isPresent()) {
        String required = System.getenv(DockerSupport.REQUIRED_ENV);
        String message = "Docker engine not reachable: " + why.get();
        if (required != null && !required.equals("false")) {
          throw new IllegalStateException(message + " (" + DockerSupport.REQUIRED_ENV + " is set)");
        }
        Assumptions.abort(message);
      }
      Path script = BuiltPackages.src().resolve("test/docker/build-debian-image.sh");
      Command built = Command.ok(Duration.ofMinutes(5), "bash", script.toString());
      List<String> lines = built.stdout().strip().lines().toList();
      image = lines.getLast().strip();
    }
    return image;
  }

  /** Runs a shell command inside; the caller checks the exit. */
  Command sh(String script) {
    return Command.run(STEP, "docker", "exec", id, "sh", "-c", script);
  }

  /** Runs a shell command inside; a non-zero exit fails the test with the output. */
  String ok(String script) {
    Command result = sh(script);
    if (result.exit() != 0) {
      throw new AssertionError("`" + script + "` in the container exited " + result.exit() + ":\n" + result.all());
    }
    return result.stdout().strip();
  }

  /** Starts a command in the background inside (docker exec -d). */
  void background(String... command) {
    List<String> args = new ArrayList<>(List.of("docker", "exec", "-d", id));
    args.addAll(List.of(command));
    Command.ok(STEP, args.toArray(String[]::new));
  }

  void copyIn(Path file, String path) {
    Command.ok(STEP, "docker", "cp", file.toString(), id + ":" + path);
  }

  @Override
  public void close() {
    Command.run(STEP, "docker", "rm", "-f", id);
  }
}
