package dev.vigil.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The .rpm's scriptlets run for real, by Debian's rpm under systemd as PID 1 (no rpm-based image
 * can be had offline; the scriptlets use only useradd/groupadd, install and systemctl, which
 * behave the same there): install creates the user and state, enables and starts the service;
 * erase stops and disables it and keeps state.
 */
class RpmScriptletsIT {

  @Test
  void installStartsTheServiceAndEraseStopsIt() throws Exception {
    try (DebianContainer vm = DebianContainer.startWithSystemd("rpm")) {
      int port = LocalHttp.freePort();
      String name = "vigil-node-exporter";
      // Flags written before the install, as configuration management would: %config(noreplace)
      // keeps them and puts the package's default beside them.
      vm.ok("mkdir -p /etc/sysconfig && printf 'ARGS=\"--web.listen-address=127.0.0.1:" + port + "\"\\n' > /etc/sysconfig/" + name);
      // --nodeps: glibc and shadow-utils are Debian packages here, unknown to rpm's database.
      vm.ok("rpm -ivh --nodeps /pkgs/" + BuiltPackages.rpm(name).getFileName());

      String user = vm.ok("getent passwd vigil");
      assertTrue(user.matches("vigil:x:\\d+:\\d+:[^:]*:/var/lib/vigil:/sbin/nologin"), user);
      assertEquals("vigil:vigil 775", vm.ok("stat -c '%U:%G %a' /var/lib/vigil/textfile"));
      assertTrue(vm.ok("cat /etc/sysconfig/" + name).contains(":" + port), "the existing flags file is kept");
      assertEquals(0, vm.sh("test -f /etc/sysconfig/" + name + ".rpmnew").exit());
      assertEquals("enabled", vm.ok("systemctl is-enabled " + name));
      LocalHttp.await(port, "/metrics", "node_load1 ");

      vm.ok("rpm -e --nodeps " + name);
      assertNotEquals("active", vm.sh("systemctl is-active " + name).stdout().strip());
      assertTrue(LocalHttp.refused(port), "nothing listens after erase");
      assertEquals(0, vm.sh("test -d /var/lib/vigil/textfile").exit(), "erase keeps state");
      assertEquals(0, vm.sh("getent passwd vigil").exit(), "erase keeps the user");
    }
  }
}
