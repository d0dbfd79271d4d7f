package dev.vigil.container.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to run: the load program's arguments (see {@code src/test/docker/load/Load.java}) and the
 * {@code docker run} options a test sets: name, limits, labels, network. Defaults: a unique name
 * {@code vigil-it-<random>} and {@code --network none} (the container has its own network
 * namespace with only {@code lo}; tests send traffic to loopback only).
 */
public final class ContainerSpec {
  private final List<String> loadArgs;
  private String name = "vigil-it-" + UUID.randomUUID().toString().substring(0, 8);
  private String network = "none";
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final List<String> flags = new ArrayList<>();

  private ContainerSpec(List<String> loadArgs) {
    this.loadArgs = List.copyOf(loadArgs);
  }

  /** A container running {@code Load <loadArgs...>}, e.g. {@code load("cpu", "20")}. */
  public static ContainerSpec load(String... loadArgs) {
    return new ContainerSpec(List.of(loadArgs));
  }

  public ContainerSpec name(String containerName) {
    this.name = containerName;
    return this;
  }

  public String name() {
    return name;
  }

  /** {@code --memory}: the cgroup's {@code memory.limit_in_bytes} (v1) or {@code memory.max} (v2). */
  public ContainerSpec memoryMiB(long mib) {
    return flag("--memory", mib + "m");
  }

  /** {@code --cpus} (e.g. "0.5"): Docker sets quota = cpus × the 100 ms period. */
  public ContainerSpec cpus(String cpus) {
    return flag("--cpus", cpus);
  }

  /** {@code --cpu-quota} and {@code --cpu-period} in microseconds, when a test wants both exact. */
  public ContainerSpec cpuQuota(long quotaMicros, long periodMicros) {
    return flag("--cpu-quota", Long.toString(quotaMicros), "--cpu-period", Long.toString(periodMicros));
  }

  /** {@code --cpu-shares} ({@code cpu.shares} in v1, mapped to {@code cpu.weight} in v2). */
  public ContainerSpec cpuShares(int shares) {
    return flag("--cpu-shares", Integer.toString(shares));
  }

  /** {@code --pids-limit}: the pids cgroup's {@code pids.max}. */
  public ContainerSpec pidsLimit(int limit) {
    return flag("--pids-limit", Integer.toString(limit));
  }

  public ContainerSpec label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** {@code --network}: "none" (default) or "host"; the ground rules allow no other. */
  public ContainerSpec network(String mode) {
    this.network = mode;
    return this;
  }

  /**
   * {@code --device-write-bps DEVICE:RATE}. With a rate never reached (e.g. "1tb") this is how a
   * test makes cgroup v1 blkio count a device's I/O: recent kernels keep {@code
   * blkio.throttle.io_service_bytes} at zero for a device until some throttle rule exists on it.
   * See {@link DockerSupport#dataDevice()} for the device the container's files are on.
   */
  public ContainerSpec deviceWriteBps(Path device, String rate) {
    return flag("--device-write-bps", device + ":" + rate);
  }

  /** Any other {@code docker run} flag(s), passed as given. */
  public ContainerSpec flag(String... flagAndValues) {
    flags.addAll(List.of(flagAndValues));
    return this;
  }

  /** The {@code docker run} arguments after "run", the owner label first (see DockerSupport). */
  List<String> runArguments(String image, Map<String, String> ownerLabels) {
    List<String> args = new ArrayList<>(List.of("--detach", "--name", name, "--network", network));
    Map<String, String> all = new LinkedHashMap<>(ownerLabels);
    all.putAll(labels);
    all.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
    args.addAll(flags);
    args.add(image);
    args.addAll(loadArgs);
    return args;
  }
}
