package dev.vigil.container.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test harness's mountinfo and /proc/&lt;pid&gt;/cgroup reading, on lines of real hosts' formats. */
class CgroupMountsTest {
  // A hybrid host with cpu and cpuacct co-mounted, a named systemd hierarchy, and cgroup2 beside.
  private static final String HYBRID = String.join("\n",
      "25 24 0:22 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755",
      "26 25 0:23 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - cgroup2 cgroup2 rw,nsdelegate",
      "27 25 0:24 / /sys/fs/cgroup/systemd rw,nosuid shared:11 - cgroup cgroup rw,xattr,name=systemd",
      "31 25 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:15 - cgroup cgroup rw,cpu,cpuacct",
      "32 25 0:29 /kubepods /sys/fs/cgroup/memory rw,nosuid shared:16 - cgroup cgroup rw,memory",
      "40 23 254:0 / / rw,relatime - ext4 /dev/vda rw");

  @Test
  void coMountedControllersShareOneDirectory() {
    CgroupMounts mounts = CgroupMounts.parse(HYBRID);
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup/cpu,cpuacct/docker/abc")), mounts.directory("cpu", "/docker/abc"));
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup/cpu,cpuacct/docker/abc")), mounts.directory("cpuacct", "/docker/abc"));
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup/systemd/docker/abc")), mounts.directory("name=systemd", "/docker/abc"));
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup/unified/docker/abc")),
        mounts.directory(CgroupMounts.UNIFIED, "/docker/abc"));
    assertEquals(Optional.empty(), mounts.directory("blkio", "/docker/abc"));
    assertEquals(java.util.List.of("", "name=systemd", "cpu", "cpuacct", "memory"), mounts.controllers());
  }

  @Test
  void aMountOfASubtreeShowsOnlyPathsBelowItsRoot() {
    CgroupMounts mounts = CgroupMounts.parse(HYBRID);
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup/memory/pod1/c1")), mounts.directory("memory", "/kubepods/pod1/c1"));
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup/memory")), mounts.directory("memory", "/kubepods"));
    assertEquals(Optional.empty(), mounts.directory("memory", "/docker/abc"));
    assertEquals(Optional.empty(), mounts.directory("memory", "/kubepodsX/abc"));
  }

  @Test
  void procCgroupListsEachControllerOfACoMountedSet() {
    Map<String, String> paths = CgroupMounts.parseProcCgroup(
        "12:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n0::/system.slice/docker-abc.scope\n");
    assertEquals(Map.of("cpu", "/docker/abc", "cpuacct", "/docker/abc", "name=systemd", "/docker/abc",
        CgroupMounts.UNIFIED, "/system.slice/docker-abc.scope"), paths);
  }

  @Test
  void jsonReadsTheEngineApisShapes() {
    Object stats = Json.parse("{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":127951881,\"percpu_usage\":[1,2]}},"
        + "\"name\":\"/x\\u0041\",\"ok\":true,\"none\":null,\"f\":1.5e3}");
    assertEquals(127951881L, Json.longAt(stats, "cpu_stats", "cpu_usage", "total_usage"));
    assertEquals(2L, Json.longAt(stats, "cpu_stats", "cpu_usage", "percpu_usage", "1"));
    assertEquals(Optional.of("/xA"), Json.at(stats, "name"));
    assertEquals(Optional.of(Boolean.TRUE), Json.at(stats, "ok"));
    assertEquals(Optional.empty(), Json.at(stats, "none"));
    assertEquals(Optional.empty(), Json.at(stats, "missing", "x"));
  }
}
