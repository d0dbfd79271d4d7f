package dev.vigil.container.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cgroup hierarchies mounted in this test's mount namespace, from {@code /proc/self/mountinfo},
 * and the directory that a {@code /proc/<pid>/cgroup} entry names on them. Works for v1 (one mount
 * per controller or per co-mounted set such as {@code cpu,cpuacct}), hybrid and v2 hosts, because
 * it reads what is mounted instead of assuming {@code /sys/fs/cgroup/<controller>}.
 */
public final class CgroupMounts {
  /** The v2 (unified) hierarchy's key: {@code /proc/<pid>/cgroup} names it with an empty controller. */
  public static final String UNIFIED = "";

  private static final Set<String> FLAGS =
      Set.of("rw", "ro", "xattr", "noprefix", "clone_children", "cpuset_v2_mode", "favordynmods");

  /** One mounted hierarchy: where it is mounted and which cgroup path its mount shows as root. */
  record Mount(Path mountPoint, String root) {}

  private final Map<String, Mount> byController;

  private CgroupMounts(Map<String, Mount> byController) {
    this.byController = byController;
  }

  /** The hierarchies of this process's mount namespace. */
  public static CgroupMounts ofThisProcess() {
    try {
      return parse(Files.readString(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses mountinfo text: cgroup mounts are keyed by each controller in their super options. */
  static CgroupMounts parse(String mountinfo) {
    Map<String, Mount> map = new LinkedHashMap<>();
    for (String line : mountinfo.split("\n")) {
      String[] f = line.split(" ");
      int dash = List.of(f).indexOf("-");
      if (dash < 0 || f.length < dash + 4) {
        continue;
      }
      Mount mount = new Mount(Path.of(unescape(f[4])), unescape(f[3]));
      String fsType = f[dash + 1];
      if (fsType.equals("cgroup2")) {
        map.putIfAbsent(UNIFIED, mount);
      } else if (fsType.equals("cgroup")) {
        for (String option : f[dash + 3].split(",")) {
          // Super options mix controllers with flags such as rw; only controller names matter.
          if (option.startsWith("name=") || !(FLAGS.contains(option) || option.contains("="))) {
            map.putIfAbsent(option, mount);
          }
        }
      }
    }
    return new CgroupMounts(map);
  }

  /** The controllers (v1) and {@link #UNIFIED} (v2) that are mounted. */
  public List<String> controllers() {
    return new ArrayList<>(byController.keySet());
  }

  /**
   * The directory of cgroup {@code path} in the hierarchy of {@code controller} ({@link #UNIFIED}
   * for v2), or empty when that hierarchy is not mounted or its mount does not show the path.
   */
  public Optional<Path> directory(String controller, String path) {
    Mount mount = byController.get(controller);
    if (mount == null) {
      return Optional.empty();
    }
    String root = mount.root().equals("/") ? "" : mount.root();
    if (!(path.equals(root) || path.startsWith(root + "/") || root.isEmpty())) {
      return Optional.empty();
    }
    String relative = path.substring(root.length()).replaceFirst("^/+", "");
    return Optional.of(relative.isEmpty() ? mount.mountPoint() : mount.mountPoint().resolve(relative));
  }

  /** Parses a {@code /proc/<pid>/cgroup} file: controller (each of a co-mounted set) to path. */
  public static Map<String, String> parseProcCgroup(String content) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : content.split("\n")) {
      String[] f = line.split(":", 3);
      if (f.length != 3) {
        continue;
      }
      if (f[1].isEmpty()) {
        map.put(UNIFIED, f[2]);
      } else {
        for (String controller : f[1].split(",")) {
          map.put(controller, f[2]);
        }
      }
    }
    return map;
  }

  private static String unescape(String field) {
    // mountinfo escapes space, tab, newline and backslash as octal.
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
  }
}
