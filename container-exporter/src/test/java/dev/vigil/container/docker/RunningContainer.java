package dev.vigil.container.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container a test started; {@link #close()} removes it (and with it its cgroups). The main
 * PID and cgroup paths are read once at start, while the container surely runs.
 */
public final class RunningContainer implements AutoCloseable {
  private final DockerSupport docker;
  private final String id;
  private final String name;
  private final long pid;
  private final Map<String, String> cgroups;
  private boolean removed;

  RunningContainer(DockerSupport docker, String id, String name, long pid, Map<String, String> cgroups) {
    this.docker = docker;
    this.id = id;
    this.name = name;
    this.pid = pid;
    this.cgroups = Map.copyOf(cgroups);
  }

  /** The full 64-hex-digit id. */
  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The container's init process as this host's PID namespace sees it ({@code State.Pid}). */
  public long pid() {
    return pid;
  }

  /**
   * The main process's cgroups from {@code /proc/<pid>/cgroup}: v1 controller (each of a co-mounted
   * set, and "name=systemd") to path, and {@link CgroupMounts#UNIFIED} to the v2 path.
   */
  public Map<String, String> cgroupPaths() {
    return cgroups;
  }

  /** The container's cgroup directory for a controller ("cpuacct", "memory", ... or UNIFIED). */
  public Path cgroupDir(String controller) {
    String path = cgroups.get(controller);
    if (path == null) {
      throw new IllegalArgumentException("container " + name + " is in no " + controller + " cgroup: " + cgroups);
    }
    return docker.cgroupMounts().directory(controller, path).orElseThrow(
        () -> new IllegalStateException("the " + controller + " hierarchy is not mounted here"));
  }

  /** A file of the container's cgroup, trimmed. */
  public String cgroupFile(String controller, String file) {
    return read(cgroupDir(controller).resolve(file)).strip();
  }

  /** A single-number cgroup file such as {@code cpuacct.usage}. */
  public long cgroupLong(String controller, String file) {
    return Long.parseLong(cgroupFile(controller, file));
  }

  /** A "key value" line of a flat-keyed cgroup file such as {@code memory.stat} or {@code cpu.stat}. */
  public long cgroupKey(String controller, String file, String key) {
    for (String line : cgroupFile(controller, file).split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2 && f[0].equals(key)) {
        return Long.parseLong(f[1]);
      }
    }
    throw new IllegalArgumentException(file + " has no " + key);
  }

  /** A file under {@code /proc/<pid>/} of the main process, e.g. "net/dev" (its network namespace). */
  public String procFile(String relative) {
    return read(Path.of("/proc", Long.toString(pid), relative));
  }

  /** stdout and stderr so far. */
  public String logs() {
    return docker.cli(Duration.ofSeconds(30), "logs", id).allOutput();
  }

  /** Waits until the log has a line containing {@code text}; fails with the log on timeout. */
  public String awaitLog(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String logs = logs();
      if (logs.contains(text)) {
        return logs;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no \"" + text + "\" in the log of " + name + " within " + timeout
            + "; state " + state() + ", log:\n" + logs);
      }
      sleep(100);
    }
  }

  /** {@code docker inspect} of this container, parsed (a JSON object). */
  public Object inspect() {
    Object all = Json.parse(docker.cli(Duration.ofSeconds(30), "inspect", id).stdout());
    return Json.at(all, "0").orElseThrow();
  }

  /** The {@code State} part of inspect: Status, Running, OOMKilled, ExitCode, Pid, ... */
  @SuppressWarnings("unchecked")
  public Map<String, Object> state() {
    return (Map<String, Object>) Json.at(inspect(), "State").orElseThrow();
  }

  /** The labels Docker keeps for the container ({@code Config.Labels}). */
  @SuppressWarnings("unchecked")
  public Map<String, String> labels() {
    return (Map<String, String>) Json.at(inspect(), "Config", "Labels").orElse(Map.of());
  }

  /** Waits for the container to exit and returns its exit code; fails on timeout. */
  public int awaitExit(Duration timeout) {
    String code = docker.cli(timeout.plusSeconds(5), "wait", id).stdout().strip();
    return Integer.parseInt(code);
  }

  /**
   * Docker's own one-shot stats from the Engine API ({@code GET /containers/<id>/stats?stream=false}),
   * parsed: raw counters (cpu_stats.cpu_usage.total_usage in ns, memory_stats.usage and .limit in
   * bytes, pids_stats.current, blkio_stats, networks), the numbers Docker reads from the same
   * cgroup files, unlike {@code docker stats}' rounded strings. one-shot (API 1.41+) answers at
   * once instead of waiting a second for a second sample, so precpu_stats is left empty.
   */
  public Object engineStats() {
    return Json.parse(docker.engineGet("/containers/" + id + "/stats?stream=false&one-shot=true"));
  }

  /** {@code docker stats --no-stream} as the CLI shows it (strings such as "12.3MiB / 64MiB"). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> cliStats() {
    String out = docker.cli(Duration.ofSeconds(30), "stats", "--no-stream", "--format", "{{json .}}", id).stdout();
    return (Map<String, Object>) Json.parse(out.strip());
  }

  /** {@code docker stop} with a short grace period; the container and its cgroups stay until close. */
  public void stop() {
    docker.cli(Duration.ofSeconds(30), "stop", "--time", "2", id);
  }

  /** Removes the container (killing it if it runs); the engine removes its cgroup directories. */
  @Override
  public void close() {
    if (!removed) {
      docker.cli(Duration.ofSeconds(60), "rm", "--force", "--volumes", id);
      removed = true;
      docker.forget(this);
    }
  }

  /** The container's cgroup directories that still exist (empty once the engine cleaned up). */
  public List<Path> existingCgroupDirs() {
    return cgroups.keySet().stream()
        .map(c -> docker.cgroupMounts().directory(c, cgroups.get(c)))
        .flatMap(Optional::stream)
        .filter(Files::isDirectory)
        .distinct()
        .toList();
  }

  /** Waits up to {@code timeout} for all of the container's cgroup directories to go. */
  public List<Path> awaitCgroupsRemoved(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Path> left = existingCgroupDirs();
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      sleep(100);
      left = existingCgroupDirs();
    }
    return left;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + id.substring(0, 12) + ", pid " + pid + ")";
  }
}
