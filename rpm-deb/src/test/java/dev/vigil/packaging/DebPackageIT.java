package dev.vigil.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each .deb as lintian and dpkg-deb see it, and its files as they unpack. */
class DebPackageIT {
  static final List<String> NAMES = BuiltPackages.NAMES;
  private static final Duration LINTIAN = Duration.ofMinutes(5);
  private static final Duration SHORT = Duration.ofMinutes(1);

  @ParameterizedTest
  @FieldSource("NAMES")
  void lintianFindsNoErrorOrWarning(String name) {
    String deb = BuiltPackages.deb(name).toString();
    Command lintian = Command.run(LINTIAN, "lintian", "--fail-on", "error,warning", deb);
    String found = lintian.stdout().lines().filter(l -> l.startsWith("E: ") || l.startsWith("W: "))
        .reduce("", (a, b) -> a + b + "\n");
    assertEquals("", found, "lintian on " + name + ":\n" + lintian.all());
    assertEquals(0, lintian.exit(), lintian.all());
    // The overrides ship in the package and are the ones applied (the runtime's embedded zlib).
    // (Listing them makes lintian exit 2, so that is a second run.)
    Command overrides = Command.run(LINTIAN, "lintian", "--show-overrides", deb);
    assertTrue(overrides.stdout().contains("O: " + name + ": embedded-library zlib"), overrides.all());
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void controlDataNamesPackageVersionAndDependencies(String name) {
    Path deb = BuiltPackages.deb(name);
    String fields = Command.ok(SHORT, "dpkg-deb", "--field", deb.toString(),
        "Package", "Version", "Architecture", "Depends", "Maintainer").stdout();
    assertTrue(fields.contains("Package: " + name + "\n"), fields);
    assertTrue(fields.contains("Version: " + BuiltPackages.version() + "\n"), fields);
    assertTrue(fields.contains("Architecture: amd64\n"), fields);
    assertTrue(fields.contains("Depends: libc6 (>= 2.34), adduser, init-system-helpers"), fields);
    List<String> conffiles = Command.ok(SHORT, "dpkg-deb", "--info", deb.toString(), "conffiles")
        .stdout().lines().toList();
    List<String> expected = name.equals("vigil-hub")
        ? List.of("/etc/default/vigil-hub", "/etc/vigil/alertmanager.yml", "/etc/vigil/hub.yml",
            "/etc/vigil/rules/vigil.yml")
        : List.of("/etc/default/" + name);
    assertEquals(expected, conffiles);
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void unpackedTreeHasTheUnitTheFlagsFileAndARuntimeThatRuns(String name, @TempDir Path root) throws IOException {
    Command.ok(SHORT, "dpkg-deb", "--extract", BuiltPackages.deb(name).toString(), root.toString());
    Path repo = BuiltPackages.target().getParent().getParent();
    assertEquals(Files.readString(repo.resolve("systemd/units/" + name + ".service")),
        Files.readString(root.resolve("lib/systemd/system/" + name + ".service")));
    assertEquals(Files.readString(repo.resolve("systemd/env/" + name)),
        Files.readString(root.resolve("etc/default/" + name)));
    assertEquals(Path.of("../lib/" + name + "/bin/" + name), Files.readSymbolicLink(root.resolve("usr/bin/" + name)));
    assertTrue(Files.isRegularFile(root.resolve("usr/share/doc/" + name + "/copyright")));
    assertTrue(Files.isRegularFile(root.resolve("usr/share/doc/" + name + "/README.md")),
        "the units' Documentation= link");

    // The launcher, through /usr/bin's link, finds its jar and the package's runtime (that no
    // other Java is needed is shown by DebInstallCycleIT, whose Debian image has none).
    Command version = Command.run(SHORT, root.resolve("usr/bin/" + name).toString(), "--version");
    assertEquals(0, version.exit(), version.all());
    assertTrue(version.all().startsWith(name + ", version "), version.all());
    assertTrue(Files.isExecutable(root.resolve("usr/lib/" + name + "/jre/bin/java")));
    if (name.equals("vigil-jvm-exporter")) {
      assertTrue(Files.size(root.resolve("usr/share/vigil-jvm-exporter/vigil-jvm-agent.jar")) > 1_000_000);
    }
  }
}
