package dev.vigil.container.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine for integration tests: checks it answers, builds the load image once per JVM
 * ({@code src/test/docker/build-test-image.sh}, which skips an unchanged image), and runs
 * containers from it.
 *
 * <p>Why the docker CLI through ProcessBuilder and not Testcontainers: the tests need little
 * (run, inspect, logs, rm), the CLI's flags are the ones the README and TESTING.md document so a
 * failing step can be replayed by hand, and nothing must be pulled or configured (Testcontainers
 * would need Ryuk disabled, a host override and a pull policy on this engine). Docker's raw stats
 * come from the Engine API over its socket, since the CLI only prints rounded strings.
 *
 * <p>When no engine answers the tests are skipped with the reason, unless the environment variable
 * {@value #REQUIRED_ENV} is set (CI's {@code .ci/run} sets it after starting dockerd): then they
 * fail, so CI never passes by skipping.
 */
public final class DockerSupport {
  /** Set (to anything but "false") where an engine must be there: tests fail instead of skipping. */
  public static final String REQUIRED_ENV = "VIGIL_DOCKER_REQUIRED";
  /** The label that marks a test container with the JVM that started it (pid:start millis). */
  public static final String OWNER_LABEL = "dev.vigil.test.owner";

  private static DockerSupport instance;
  private static String unreachable;

  private final String image;
  private final String owner;
  private final CgroupMounts cgroupMounts = CgroupMounts.ofThisProcess();
  private final Set<RunningContainer> live = ConcurrentHashMap.newKeySet();

  private DockerSupport(String image, String owner) {
    this.image = image;
    this.owner = owner;
  }

  /**
   * The engine, ready with the test image; aborts the calling test (JUnit assumption) when no
   * engine answers, or fails when {@value #REQUIRED_ENV} says one must.
   */
  public static synchronized DockerSupport get() {
    if (instance == null && unreachable == null) {
      Optional<String> why = whyUnreachable();
      if (why.isPresent()) {
        unreachable = why.get();
      } else {
        instance = start();
      }
    }
    if (instance == null) {
      abortOrFail(unreachable);
    }
    return instance;
  }

  /**
   * Checks that an engine answers, without building the load image (for tests with images of
   * their own): aborts the calling test when none does, or fails when {@value #REQUIRED_ENV}
   * says one must.
   */
  public static void requireEngine() {
    whyUnreachable().ifPresent(DockerSupport::abortOrFail);
  }

  private static void abortOrFail(String why) {
    String message = "Docker engine not reachable (" + why + "); start dockerd as "
        + "container-exporter/src/test/docker/README.md says";
    String required = System.getenv(REQUIRED_ENV);
    if (required != null && !required.equals("false")) {
      throw new IllegalStateException(message + " (" + REQUIRED_ENV + " is set, so this fails)");
    }
    Assumptions.abort(message);
  }

  /** Why no engine can be used, or empty when {@code docker version} reaches the server. */
  public static Optional<String> whyUnreachable() {
    try {
      CliResult version = run(Duration.ofSeconds(20), List.of("docker", "version", "--format", "{{.Server.Version}}"));
      if (version.exit() != 0 || version.stdout().isBlank()) {
        return Optional.of("docker version: exit " + version.exit() + ": " + version.allOutput().strip());
      }
      return Optional.empty();
    } catch (UncheckedIOException e) {
      return Optional.of("no docker CLI: " + e.getMessage());
    }
  }

  private static DockerSupport start() {
    ProcessHandle self = ProcessHandle.current();
    String owner = self.pid() + ":" + self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    removeOrphans();
    DockerSupport docker = new DockerSupport(buildImage(), owner);
    // A test that dies before close() must not leave containers burning CPU behind it.
    Runtime.getRuntime().addShutdownHook(new Thread(docker::removeAll, "docker-test-cleanup"));
    return docker;
  }

  /** Runs the build script (it prints the image tag last; an unchanged image is not rebuilt). */
  private static String buildImage() {
    Path script = imageScript();
    List<String> command = List.of("bash", script.toString());
    ProcessBuilder pb = new ProcessBuilder(command);
    Path javaHome = Path.of(System.getProperty("java.home"));
    if (Files.isExecutable(javaHome.resolve("bin/jlink"))) {
      pb.environment().put("JAVA_HOME", javaHome.toString()); // the JDK running the tests
    }
    CliResult built = run(pb, Duration.ofMinutes(3));
    String[] lines = built.stdout().strip().split("\n");
    String image = lines[lines.length - 1].strip();
    if (built.exit() != 0 || !image.startsWith("vigil/container-load:")) {
      throw new IllegalStateException("building the test image failed (exit " + built.exit() + "):\n" + built.allOutput());
    }
    return image;
  }

  /**
   * The image script of this module; from another module that uses this class through
   * container-exporter's test-jar (jvm-exporter's container ITs), its sibling's.
   */
  private static Path imageScript() {
    Path relative = Path.of("src/test/docker/build-test-image.sh");
    Path own = moduleDir().resolve(relative);
    return Files.exists(own) ? own : moduleDir().resolveSibling("container-exporter").resolve(relative);
  }

  private static Path moduleDir() {
    // Surefire and failsafe set basedir; the working directory is the module's too.
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  /** Removes test containers whose owning JVM is gone (a killed run), never another live run's. */
  private static void removeOrphans() {
    CliResult ps = run(Duration.ofSeconds(30), List.of("docker", "ps", "--all", "--filter", "label=" + OWNER_LABEL,
        "--format", "{{.ID}} {{.Label \"" + OWNER_LABEL + "\"}}"));
    List<String> orphans = new ArrayList<>();
    for (String line : ps.stdout().split("\n")) {
      String[] f = line.strip().split(" ");
      if (f.length == 2 && !ownerAlive(f[1])) {
        orphans.add(f[0]);
      }
    }
    if (!orphans.isEmpty()) {
      List<String> rm = new ArrayList<>(List.of("docker", "rm", "--force", "--volumes"));
      rm.addAll(orphans);
      run(Duration.ofSeconds(60), rm);
    }
  }

  private static boolean ownerAlive(String owner) {
    String[] f = owner.split(":");
    try {
      long pid = Long.parseLong(f[0]);
      long started = Long.parseLong(f[1]);
      return ProcessHandle.of(pid)
          .map(p -> p.info().startInstant().map(i -> i.toEpochMilli() == started).orElse(true))
          .orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The test image's reference, vigil/container-load:&lt;content hash&gt;. */
  public String image() {
    return image;
  }

  CgroupMounts cgroupMounts() {
    return cgroupMounts;
  }

  /** Starts a container and returns once Docker reports it started, with its PID and cgroups read. */
  public RunningContainer run(ContainerSpec spec) {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(spec.runArguments(image, Map.of(OWNER_LABEL, owner)));
    String id = cli(Duration.ofSeconds(60), args.toArray(String[]::new)).stdout().strip();
    long pid = Long.parseLong(cli(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Pid}}", id).stdout().strip());
    Map<String, String> cgroups = Map.of();
    if (pid > 0) {
      try {
        cgroups = CgroupMounts.parseProcCgroup(Files.readString(Path.of("/proc", Long.toString(pid), "cgroup")));
      } catch (IOException e) {
        // The container already exited (a load that ends at once): it has no cgroups left to read.
      }
    }
    RunningContainer container = new RunningContainer(this, id, spec.name(), pid, cgroups);
    live.add(container);
    return container;
  }

  void forget(RunningContainer container) {
    live.remove(container);
  }

  private void removeAll() {
    for (RunningContainer c : List.copyOf(live)) {
      try {
        c.close();
      } catch (RuntimeException e) {
        // Shutting down: what is left is removed as an orphan by the next run.
      }
    }
  }

  /**
   * The whole-disk block device (e.g. /dev/vda) holding Docker's data directory, where the
   * containers' root filesystems are, or empty when it is no block device (tmpfs, overlay root).
   */
  public Optional<Path> dataDevice() {
    try {
      Path root = Path.of(cli(Duration.ofSeconds(30), "info", "--format", "{{.DockerRootDir}}").stdout().strip());
      String majorMinor = null;
      int longest = -1;
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        Path mountPoint = Path.of(f[4].replace("\\040", " "));
        if (root.startsWith(mountPoint) && mountPoint.getNameCount() > longest) {
          longest = mountPoint.getNameCount();
          majorMinor = f[2];
        }
      }
      Path sys = Path.of("/sys/dev/block", majorMinor);
      if (majorMinor == null || !Files.exists(sys)) {
        return Optional.empty();
      }
      sys = sys.toRealPath();
      if (Files.exists(sys.resolve("partition"))) {
        sys = sys.getParent(); // throttle rules apply to whole disks only
      }
      for (String line : Files.readAllLines(sys.resolve("uevent"))) {
        if (line.startsWith("DEVNAME=")) {
          return Optional.of(Path.of("/dev", line.substring("DEVNAME=".length())));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code docker <args>}; throws with the output when it exits non-zero. */
  public CliResult cli(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    CliResult result = run(timeout, command);
    if (result.exit() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": exit " + result.exit() + ": " + result.allOutput());
    }
    return result;
  }

  /**
   * GET on the Engine API, returning the body. The socket is DOCKER_HOST's when that is
   * unix:// or tcp://, else the engine's default unix socket.
   */
  public String engineGet(String apiPath) {
    String host = Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unix:///var/run/docker.sock");
    try {
      if (host.startsWith("tcp://")) {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://" + host.substring(6) + apiPath)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
        return checked(response.statusCode(), response.body(), apiPath);
      }
      return unixGet(Path.of(host.replaceFirst("^unix://", "")), apiPath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** HTTP/1.0 so the engine closes the connection after the body and never chunks it. */
  private static String unixGet(Path socket, String apiPath) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      String request = "GET " + apiPath + " HTTP/1.0\r\nHost: docker\r\n\r\n";
      ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      String response = new String(Channels.newInputStream(ch).readAllBytes(), StandardCharsets.UTF_8);
      int headerEnd = response.indexOf("\r\n\r\n");
      if (!response.startsWith("HTTP/") || headerEnd < 0) {
        throw new IOException("not an HTTP answer from " + socket + ": " + response);
      }
      int status = Integer.parseInt(response.split(" ", 3)[1]);
      return checked(status, response.substring(headerEnd + 4), apiPath);
    }
  }

  private static String checked(int status, String body, String apiPath) {
    if (status != 200) {
      throw new IllegalStateException("GET " + apiPath + ": HTTP " + status + ": " + body);
    }
    return body;
  }

  /** The outcome of one command. */
  public record CliResult(int exit, String stdout, String stderr) {
    public String allOutput() {
      return stdout + stderr;
    }
  }

  private static CliResult run(Duration timeout, List<String> command) {
    return run(new ProcessBuilder(command), timeout);
  }

  private static CliResult run(ProcessBuilder pb, Duration timeout) {
    Process p;
    try {
      p = pb.start();
      p.getOutputStream().close(); // nothing to say on stdin
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // One thread per pipe, so a full stderr pipe cannot stall the process while stdout is read.
    FutureTask<String> out = new FutureTask<>(() -> drain(p.getInputStream()));
    FutureTask<String> err = new FutureTask<>(() -> drain(p.getErrorStream()));
    Thread.ofVirtual().start(out);
    Thread.ofVirtual().start(err);
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", pb.command()) + ": no answer within " + timeout);
      }
      return new CliResult(p.exitValue(), out.get(), err.get());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
