package dev.vigil.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each .deb through the life an operator gives it, in a clean Debian container without systemd
 * or Java: install (user, directories, unit and flags file in place; not enabled, since systemd
 * does not run), the binary started by hand as the vigil user answering over HTTP, an upgrade to
 * a newer version keeping edited configuration and state, remove (configuration and state stay),
 * purge (they go; the user stays).
 */
class DebInstallCycleIT {
  static final List<String> NAMES = BuiltPackages.NAMES;

  /** Per package: a path the running binary answers on, and a text its answer must hold. */
  private static final Map<String, List<String>> PROBE = Map.of(
      "vigil-node-exporter", List.of("/metrics", "node_load1 "),
      "vigil-container-exporter", List.of("/metrics", "container_exporter_build_info{"),
      "vigil-jvm-exporter", List.of("/metrics", "jvm_exporter_build_info{"),
      "vigil-hub", List.of("/api/v1/rules", "\"name\":\"TargetDown\""));

  @ParameterizedTest
  @FieldSource("NAMES")
  void installRunUpgradeRemovePurge(String name, @TempDir Path tmp) throws Exception {
    String deb = "/pkgs/" + BuiltPackages.deb(name).getFileName();
    boolean hub = name.equals("vigil-hub");
    String state = switch (name) {
      case "vigil-node-exporter" -> "/var/lib/vigil/textfile";
      case "vigil-hub" -> "/var/lib/vigil/hub";
      default -> null;
    };
    try (DebianContainer debian = DebianContainer.start(name)) {
      // The image has no Java of its own: the package must bring everything it runs on.
      debian.ok("! command -v java >/dev/null && test ! -e /usr/lib/jvm");

      // Install.
      debian.ok("dpkg -i " + deb);
      assertEquals("install ok installed", debian.ok("dpkg-query -W -f '${Status}' " + name));
      String user = debian.ok("getent passwd vigil");
      assertTrue(user.matches("vigil:x:\\d+:\\d+:[^:]*:/var/lib/vigil:/usr/sbin/nologin"), user);
      assertEquals("", debian.ok("test -x /usr/bin/" + name + " && test -f /lib/systemd/system/" + name
          + ".service && test -f /etc/default/" + name + " && echo -n"));
      assertEquals(1, debian.sh("test -e /etc/systemd/system/multi-user.target.wants/" + name + ".service").exit(),
          "without a running systemd the service is not enabled");
      if (state != null) {
        // The textfile directory is group-writable (cron jobs of the vigil group), as its unit says.
        String mode = hub ? "750" : "775";
        assertEquals("vigil:vigil " + mode, debian.ok("stat -c '%U:%G %a' " + state));
      }
      if (hub) {
        assertEquals("root:vigil 640", debian.ok("stat -c '%U:%G %a' /etc/vigil/hub.yml"));
        debian.ok("runuser -u vigil -- vigil-hub check config /etc/vigil/hub.yml");
      }

      // Started by hand as the vigil user, it answers, on the package's own runtime.
      int port = LocalHttp.freePort();
      List<String> command = new java.util.ArrayList<>(List.of("runuser", "-u", "vigil", "--", "/usr/bin/" + name,
          "--web.listen-address=127.0.0.1:" + port));
      if (hub) {
        command.addAll(List.of("--config.file=/etc/vigil/hub.yml", "--storage.tsdb.path=/var/lib/vigil/hub"));
      }
      debian.background(command.toArray(String[]::new));
      String body = LocalHttp.await(port, PROBE.get(name).get(0), PROBE.get(name).get(1));
      assertTrue(body.contains(PROBE.get(name).get(1)), body);
      assertTrue(debian.ok("ps -o args= -u vigil").contains("/usr/lib/" + name + "/jre/bin/java"),
          debian.ok("ps -o args= -u vigil"));
      debian.ok("pkill -TERM -u vigil java; for i in $(seq 100); do pgrep -u vigil java >/dev/null || exit 0; sleep 0.1; done; exit 1");

      // Upgrade to a newer version: the edited flags file and the state stay as they were.
      debian.ok("echo 'ARGS=\"--log.level=debug\"' >> /etc/default/" + name);
      String flags = debian.ok("cat /etc/default/" + name);
      if (state != null) {
        debian.ok("echo kept > " + state + "/upgrade-marker");
      }
      String stateBefore = state == null ? "" : debian.ok("ls -A " + state);
      String next = BuiltPackages.version() + "+upgrade1";
      Path nextDeb = withVersion(BuiltPackages.deb(name), next, tmp);
      debian.copyIn(nextDeb, "/tmp/next.deb");
      debian.ok("dpkg -i /tmp/next.deb");
      assertEquals(next, debian.ok("dpkg-query -W -f '${Version}' " + name));
      assertEquals(flags, debian.ok("cat /etc/default/" + name));
      assertEquals("", debian.ok("ls /etc/default/" + name + ".dpkg-* 2>/dev/null; true"));
      if (state != null) {
        assertEquals(stateBefore, debian.ok("ls -A " + state));
        assertEquals("kept", debian.ok("cat " + state + "/upgrade-marker"));
      }

      // Remove: the program goes; configuration and state stay for a later reinstall.
      debian.ok("dpkg -r " + name);
      assertEquals("deinstall ok config-files", debian.ok("dpkg-query -W -f '${Status}' " + name));
      assertFalse(debian.sh("test -e /usr/bin/" + name).exit() == 0);
      assertFalse(debian.sh("test -e /usr/lib/" + name).exit() == 0);
      assertEquals(0, debian.sh("test -f /etc/default/" + name).exit());
      if (state != null) {
        assertEquals(0, debian.sh("test -f " + state + "/upgrade-marker").exit());
      }

      // Purge: configuration and state go, the user stays.
      debian.ok("dpkg -P " + name);
      assertEquals(1, debian.sh("dpkg-query -W " + name + " 2>/dev/null").exit());
      assertFalse(debian.sh("test -e /etc/default/" + name).exit() == 0);
      if (state != null) {
        assertFalse(debian.sh("test -e " + state).exit() == 0, state + " is purged");
      }
      if (hub) {
        assertFalse(debian.sh("test -e /etc/vigil").exit() == 0, "/etc/vigil is purged");
      }
      assertEquals(0, debian.sh("getent passwd vigil").exit(), "purge keeps the user");
    }
  }

  /** The same .deb under another version (dpkg-deb unpacks and repacks it; nothing else changes). */
  private static Path withVersion(Path deb, String version, Path tmp) throws IOException {
    Path tree = tmp.resolve("tree");
    Command.ok(Duration.ofMinutes(2), "dpkg-deb", "--raw-extract", deb.toString(), tree.toString());
    Path control = tree.resolve("DEBIAN/control");
    Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + version));
    Path out = tmp.resolve("next.deb");
    Command.ok(Duration.ofMinutes(3), "dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build",
        tree.toString(), out.toString());
    return out;
  }

}
