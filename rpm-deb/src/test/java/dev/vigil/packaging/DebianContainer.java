package dev.vigil.packaging;

import dev.vigil.container.docker.DockerSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A clean Debian bookworm (debootstrap minbase, no Java) in a container on the host's network,
 * with this module's target/ mounted read-only at /pkgs; removed on close.
 */
final class DebianContainer implements AutoCloseable {
  private static final Duration STEP = Duration.ofMinutes(2);
  private static final java.util.Map<String, String> IMAGES = new java.util.HashMap<>();

  private final String id;

  private DebianContainer(String id) {
    this.id = id;
  }

  static DebianContainer start(String name) {
    return new DebianContainer(run(name, image("plain")));
  }

  /**
   * The same Debian with systemd as PID 1 (the image's variant "systemd"), ready once systemd
   * says the system runs. systemd in a container needs CAP_SYS_ADMIN (its mounts and the units'
   * namespaces), its own /run and the cgroup tree writable; CAP_SYS_PTRACE and
   * CAP_DAC_READ_SEARCH, which Docker leaves out by default and a VM's root has, are the ones the
   * JVM exporter's unit hands to its service.
   */
  static DebianContainer startWithSystemd(String name) throws InterruptedException {
    DebianContainer container = new DebianContainer(run(name, image("systemd"), "--cap-add", "SYS_ADMIN",
        "--cap-add", "SYS_PTRACE", "--cap-add", "DAC_READ_SEARCH",
        "--tmpfs", "/run", "--tmpfs", "/run/lock", "-v", "/sys/fs/cgroup:/sys/fs/cgroup:rw"));
    String state = "";
    for (int i = 0; i < 120; i++) {
      state = container.sh("systemctl is-system-running").stdout().strip();
      if (state.equals("running") || state.equals("degraded")) {
        return container;
      }
      Thread.sleep(500);
    }
    container.close();
    throw new AssertionError("systemd in the container did not come up: " + state);
  }

  private static String run(String name, String image, String... extra) {
    List<String> args = new ArrayList<>(List.of("docker", "run", "-d", "--network", "host", "--name",
        "vigil-deb-" + name + "-" + ProcessHandle.current().pid(), "--label", DockerSupport.OWNER_LABEL + "=rpm-deb",
        "-v", BuiltPackages.target() + ":/pkgs:ro"));
    args.addAll(List.of(extra));
    args.add(image);
    if (extra.length == 0) {
      args.addAll(List.of("sleep", "infinity"));
    }
    return Command.ok(STEP, args.toArray(String[]::new)).stdout().strip();
  }

  /** Builds (or finds) the Debian image; without an engine the test aborts, or fails in CI. */
  private static synchronized String image(String variant) {
    String image = IMAGES.get(variant);
    if (image == null) {
      DockerSupport.requireEngine();
      Path script = BuiltPackages.src().resolve("test/docker/build-debian-image.sh");
      Command built = Command.ok(Duration.ofMinutes(5), "bash", script.toString(), variant);
      image = built.stdout().strip().lines().toList().getLast().strip();
      IMAGES.put(variant, image);
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
