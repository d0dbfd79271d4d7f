package dev.vigil.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packages under a running systemd (in a Debian container with systemd as PID 1): the
 * maintainer scripts enable and start each service, the sandboxed units run and their binaries
 * answer, with the access their collectors need; reload and removal work as the units say.
 * Ports are set through each package's flags file, written before install as configuration
 * management would (dpkg keeps it: --force-confold).
 */
class SystemdServiceIT {
  private static final Pattern COLLECTOR_OK = Pattern.compile("(?m)^node_scrape_collector_success\\{collector=\"([a-z_]+)\"} 1");

  @Test
  void packagesStartTheirSandboxedServicesWhichAnswer() throws Exception {
    try (DebianContainer vm = DebianContainer.startWithSystemd("systemd")) {
      int node = LocalHttp.freePort();
      int container = LocalHttp.freePort();
      int jvm = LocalHttp.freePort();
      int hub = LocalHttp.freePort();
      install(vm, "vigil-node-exporter", "--web.listen-address=127.0.0.1:" + node + " --collector.systemd");
      install(vm, "vigil-container-exporter", "--web.listen-address=127.0.0.1:" + container);
      install(vm, "vigil-jvm-exporter", "--web.listen-address=127.0.0.1:" + jvm);
      install(vm, "vigil-hub", "--web.listen-address=127.0.0.1:" + hub);

      // The node exporter in its sandbox: every collector that works for the vigil user without
      // one (the same binary started by hand in the same system) works in it too.
      String sandboxed = LocalHttp.await(node, "/metrics", "node_scrape_collector_success");
      int byHand = LocalHttp.freePort();
      vm.background("runuser", "-u", "vigil", "--", "/usr/bin/vigil-node-exporter",
          "--web.listen-address=127.0.0.1:" + byHand, "--collector.textfile.directory=/var/lib/vigil/textfile",
          "--collector.systemd");
      String unsandboxed = LocalHttp.await(byHand, "/metrics", "node_scrape_collector_success");
      assertEquals(collectorsOk(unsandboxed), collectorsOk(sandboxed));
      assertTrue(collectorsOk(sandboxed).containsAll(Set.of("filesystem", "cpu", "meminfo", "timex", "systemd")),
          collectorsOk(sandboxed).toString());
      assertTrue(sandboxed.contains("node_systemd_unit_state{name=\"vigil-hub.service\",state=\"active\""),
          "the systemd collector reaches the system bus from the sandbox");

      // The JVM exporter (vigil with CAP_DAC_READ_SEARCH and CAP_SYS_PTRACE, private /tmp) finds
      // another user's JVM through its hsperfdata file.
      vm.background("runuser", "-u", "nobody", "--", "/usr/lib/vigil-jvm-exporter/jre/bin/java", "-Xmx16m",
          "-XX:+UsePerfData", "-cp", "/usr/lib/vigil-jvm-exporter/lib/vigil-jvm-exporter.jar",
          "dev.vigil.jvm.JvmExporterMain", "--web.listen-address=127.0.0.1:" + LocalHttp.freePort());
      // Found in its first milliseconds, a JVM may not have written its command yet: its main
      // label follows once it has (HostJvmTest), so wait for the labelled series.
      String jvms = LocalHttp.await(jvm, "/metrics", "main=\"dev.vigil.jvm.JvmExporterMain\"");
      assertTrue(jvms.lines().anyMatch(l -> l.contains("main=\"dev.vigil.jvm.JvmExporterMain\"")
          && l.contains("user=\"nobody\"")), jvms);

      LocalHttp.await(container, "/metrics", "container_cpu_usage_seconds_total{");
      LocalHttp.await(hub, "/api/v1/rules", "\"name\":\"TargetDown\"");

      // Reload: SIGHUP re-reads the configuration in the same process.
      String pid = vm.ok("systemctl show -p MainPID --value vigil-hub");
      String loads = "journalctl -u vigil-hub --no-pager -o cat | grep -c 'Completed loading of configuration file' || true";
      int before = Integer.parseInt(vm.ok(loads));
      vm.ok("systemctl reload vigil-hub");
      awaitTrue(() -> Integer.parseInt(vm.ok(loads)) == before + 1, "a configuration load after reload");
      assertEquals(pid, vm.ok("systemctl show -p MainPID --value vigil-hub"));

      // Remove stops the service before its files go.
      vm.ok("dpkg -r vigil-node-exporter");
      assertNotEquals("active", vm.sh("systemctl is-active vigil-node-exporter").stdout().strip());
      assertTrue(LocalHttp.refused(node), "nothing listens on the node exporter's port after removal");
    }
  }

  private void install(DebianContainer vm, String name, String args) throws InterruptedException {
    vm.ok("printf 'ARGS=\"%s\"\\n' '" + args + "' > /etc/default/" + name);
    vm.ok("dpkg -i --force-confold /pkgs/" + BuiltPackages.deb(name).getFileName());
    assertEquals("enabled", vm.ok("systemctl is-enabled " + name));
    awaitTrue(() -> vm.sh("systemctl is-active " + name).stdout().strip().equals("active"), name + " active");
  }

  private static Set<String> collectorsOk(String metrics) {
    Set<String> ok = new TreeSet<>();
    Matcher m = COLLECTOR_OK.matcher(metrics);
    while (m.find()) {
      ok.add(m.group(1));
    }
    return ok;
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
