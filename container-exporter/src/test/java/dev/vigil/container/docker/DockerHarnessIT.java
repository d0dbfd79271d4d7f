package dev.vigil.container.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the Docker harness on this host's cgroups: the limits a test asks for land in the
 * container's cgroup files, its loads move the counters the collectors read, and Docker's
 * cleanup removes the cgroups. These are the facts the collector ITs compare against.
 */
class DockerHarnessIT {
  private static final long MIB = 1 << 20;
  private static final Duration READY = Duration.ofSeconds(30);

  private DockerSupport docker;

  // Per test, not @BeforeAll: surefire reports a class-level abort as "0 tests", hiding the reason.
  @BeforeEach
  void engine() {
    docker = DockerSupport.get();
  }

  /** The cgroup version this host gives containers: v1 when a memory controller hierarchy is v1. */
  private static boolean v1(RunningContainer c) {
    return c.cgroupPaths().containsKey("memory");
  }

  @Test
  void cpuQuotaMemoryLimitAndUsageAppearInTheContainersCgroups() throws Exception {
    RunningContainer c = docker.run(ContainerSpec.load("cpu", "30").cpus("0.5").memoryMiB(64).pidsLimit(100)
        .label("dev.vigil.it", "harness"));
    try (c) {
      c.awaitLog("ready cpu", READY);
      assertTrue(c.pid() > 0, "main pid " + c.pid());
      assertEquals("harness", c.labels().get("dev.vigil.it"));
      assumeTrue(v1(c), "this IT states the cgroup v1 facts; the host gave the container " + c.cgroupPaths());

      // Every hierarchy names the container by its full id, in its own directory.
      for (String controller : List.of("cpu", "cpuacct", "memory", "pids", "blkio")) {
        Path dir = c.cgroupDir(controller);
        assertTrue(Files.isDirectory(dir), dir.toString());
        assertEquals(c.id(), dir.getFileName().toString(), controller + " cgroup " + dir);
      }

      // --cpus 0.5 is a 50 ms quota per 100 ms period; --memory 64m the limit in bytes.
      assertEquals(50_000, c.cgroupLong("cpu", "cpu.cfs_quota_us"));
      assertEquals(100_000, c.cgroupLong("cpu", "cpu.cfs_period_us"));
      assertEquals(64 * MIB, c.cgroupLong("memory", "memory.limit_in_bytes"));
      assertEquals("100", c.cgroupFile("pids", "pids.max"));

      // The busy thread's CPU time grows, but by at most half the wall time (plus a period).
      long wall0 = System.nanoTime();
      long usage0 = c.cgroupLong("cpuacct", "cpuacct.usage");
      Thread.sleep(1500);
      long usage1 = c.cgroupLong("cpuacct", "cpuacct.usage");
      long wall = System.nanoTime() - wall0;
      assertTrue(usage1 > usage0, "cpuacct.usage grows: " + usage0 + " -> " + usage1);
      assertTrue(usage1 - usage0 <= wall / 2 + 100_000_000L,
          "quota caps usage: " + (usage1 - usage0) + " ns in " + wall + " ns");
      // ... so CFS throttles it, which cpu.stat counts.
      assertTrue(c.cgroupKey("cpu", "cpu.stat", "nr_periods") > 0);
      assertTrue(c.cgroupKey("cpu", "cpu.stat", "nr_throttled") > 0, c.cgroupFile("cpu", "cpu.stat"));
      assertTrue(c.cgroupLong("memory", "memory.usage_in_bytes") > 0);

      // Docker's own stats read the same files: its CPU total lies between two reads of ours.
      long before = c.cgroupLong("cpuacct", "cpuacct.usage");
      Object stats = c.engineStats();
      long after = c.cgroupLong("cpuacct", "cpuacct.usage");
      long dockerCpu = Json.longAt(stats, "cpu_stats", "cpu_usage", "total_usage");
      assertTrue(before <= dockerCpu && dockerCpu <= after, before + " <= " + dockerCpu + " <= " + after);
      assertEquals(64 * MIB, Json.longAt(stats, "memory_stats", "limit"));
      assertTrue(Json.longAt(stats, "pids_stats", "current") >= 1);
      Object memUsage = c.cliStats().get("MemUsage"); // e.g. "31.2MiB / 64MiB"
      assertTrue(memUsage.toString().endsWith("/ 64MiB"), String.valueOf(memUsage));
    }
    // Removing the container removes its cgroup in every hierarchy.
    assertEquals(List.of(), c.awaitCgroupsRemoved(Duration.ofSeconds(10)));
  }

  @Test
  void anOomKillShowsInMemoryOomControlAndFailcnt() {
    // The child JVM is killed, the main process lives on: the cgroup stays readable after the kill.
    try (RunningContainer c = docker.run(ContainerSpec.load("oom-child", "30").memoryMiB(128))) {
      c.awaitLog("ready oom-child exit 137", READY);
      assumeTrue(v1(c), "cgroup v1 facts");
      assertTrue(c.cgroupKey("memory", "memory.oom_control", "oom_kill") >= 1, c.cgroupFile("memory", "memory.oom_control"));
      assertEquals(0, c.cgroupKey("memory", "memory.oom_control", "under_oom"));
      assertTrue(c.cgroupLong("memory", "memory.failcnt") > 0);
      assertTrue(c.cgroupLong("memory", "memory.max_usage_in_bytes") > 120 * MIB,
          "peak usage reached the limit: " + c.cgroupLong("memory", "memory.max_usage_in_bytes"));
      assertEquals(Boolean.TRUE, c.state().get("Running"));
    }
  }

  @Test
  void anOomKilledMainProcessEndsTheContainerAsOomKilled() {
    try (RunningContainer c = docker.run(ContainerSpec.load("oom").memoryMiB(64))) {
      assertEquals(137, c.awaitExit(Duration.ofSeconds(60)), c.logs());
      assertEquals(Boolean.TRUE, c.state().get("OOMKilled"));
      // The engine removes the cgroup when the container stops, before it is removed.
      assertEquals(List.of(), c.awaitCgroupsRemoved(Duration.ofSeconds(10)));
    }
  }

  @Test
  void heldMemoryAndThreadsShowInMemoryAndPidsCgroups() {
    try (RunningContainer mem = docker.run(ContainerSpec.load("mem", "32", "30").memoryMiB(96));
        RunningContainer threads = docker.run(ContainerSpec.load("threads", "40", "30").pidsLimit(200))) {
      mem.awaitLog("ready mem", READY);
      threads.awaitLog("ready threads", READY);
      assumeTrue(v1(mem), "cgroup v1 facts");
      assertTrue(mem.cgroupLong("memory", "memory.usage_in_bytes") >= 32 * MIB);
      assertTrue(mem.cgroupKey("memory", "memory.stat", "rss") >= 32 * MIB, mem.cgroupFile("memory", "memory.stat"));
      // 40 idle threads plus the JVM's own: each thread is a task of the pids cgroup.
      assertTrue(threads.cgroupLong("pids", "pids.current") >= 40);
      assertTrue(threads.cgroupFile("pids", "tasks").lines().count() >= 40);
    }
  }

  @Test
  void loopbackTrafficStaysInTheContainersOwnNetworkNamespace() throws IOException {
    try (RunningContainer c = docker.run(ContainerSpec.load("net", "8", "30"))) {
      c.awaitLog("ready net", READY);
      assertNotEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")),
          Files.readSymbolicLink(Path.of("/proc", Long.toString(c.pid()), "ns", "net")));
      // --network none: lo is the only interface, and it carried the 8 MiB both ways.
      List<String> ifaces = c.procFile("net/dev").lines().skip(2).toList();
      assertEquals(1, ifaces.size(), ifaces.toString());
      String[] lo = ifaces.get(0).replace(":", " ").strip().split("\\s+");
      assertEquals("lo", lo[0]);
      assertTrue(Long.parseLong(lo[1]) >= 8 * MIB, "rx bytes " + lo[1]);
      assertTrue(Long.parseLong(lo[9]) >= 8 * MIB, "tx bytes " + lo[9]);
    }
  }

  @Test
  void syncedWritesCountInBlkioOnceTheDeviceHasAThrottleRule() {
    Optional<Path> device = docker.dataDevice();
    assumeTrue(device.isPresent(), "Docker's data directory is on no block device");
    // A 1 TB/s limit is never reached; it only makes the kernel count the device's I/O per cgroup.
    try (RunningContainer c = docker.run(ContainerSpec.load("disk", "8", "30").deviceWriteBps(device.get(), "1tb"))) {
      c.awaitLog("ready disk", READY);
      assumeTrue(v1(c), "cgroup v1 facts");
      long written = 0;
      for (String line : c.cgroupFile("blkio", "blkio.throttle.io_service_bytes").split("\n")) {
        String[] f = line.split(" ");
        if (f.length == 3 && f[1].equals("Write")) {
          written += Long.parseLong(f[2]);
        }
      }
      assertTrue(written >= 8 * MIB, c.cgroupFile("blkio", "blkio.throttle.io_service_bytes"));
    }
  }
}
