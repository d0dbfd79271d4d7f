package dev.vigil.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each .rpm as rpm and rpmlint see it, installed into an empty root with {@code rpm --root} (no
 * scriptlets: they would run against this machine) and upgraded there to a next release.
 */
class RpmPackageIT {
  static final List<String> NAMES = BuiltPackages.NAMES;
  private static final Duration SHORT = Duration.ofMinutes(2);

  @ParameterizedTest
  @FieldSource("NAMES")
  void headerAndFileListAreThePackages(String name) {
    String rpm = BuiltPackages.rpm(name).toString();
    String header = Command.ok(SHORT, "rpm", "-qp", "--queryformat",
        "%{NAME}|%{VERSION}|%{RELEASE}|%{ARCH}|%{LICENSE}|%{GROUP}", rpm).stdout();
    assertEquals(name + "|" + BuiltPackages.version() + "|1|x86_64|"
        + "Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0 AND MIT|System Environment/Daemons", header);
    String info = Command.ok(SHORT, "rpm", "-qip", rpm).stdout();
    assertTrue(info.contains("Summary     : "), info);

    List<String> files = Command.ok(SHORT, "rpm", "-qlp", rpm).stdout().lines().toList();
    for (String expected : List.of("/usr/bin/" + name, "/usr/lib/systemd/system/" + name + ".service",
        "/etc/sysconfig/" + name, "/usr/lib/" + name + "/jre/bin/java", "/usr/share/doc/" + name + "/copyright")) {
      assertTrue(files.contains(expected), name + " lacks " + expected);
    }
    assertFalse(files.stream().anyMatch(f -> f.startsWith("/etc/default") || f.startsWith("/lib/systemd")),
        "Debian's paths stay out of the .rpm");

    // Configuration is %config(noreplace): flags "cn"; the hub's may hold secrets: root:vigil 0640.
    List<String> configs = Command.ok(SHORT, "rpm", "-qp", "--queryformat",
        "[%{FILEFLAGS:fflags} %{FILEMODES:perms} %{FILEGROUPNAME} %{FILENAMES}\n]", rpm)
        .stdout().lines().filter(l -> l.contains("/etc/")).filter(l -> !l.contains(" d")).toList();
    List<String> expected = new ArrayList<>(List.of("cn -rw-r--r-- root /etc/sysconfig/" + name));
    if (name.equals("vigil-hub")) {
      expected.addAll(List.of("cn -rw-r----- vigil /etc/vigil/alertmanager.yml", "cn -rw-r----- vigil /etc/vigil/hub.yml",
          "cn -rw-r----- vigil /etc/vigil/rules/vigil.yml"));
    }
    assertEquals(expected.stream().sorted().toList(), configs.stream().sorted().toList());

    String scripts = Command.ok(SHORT, "rpm", "-qp", "--scripts", rpm).stdout();
    assertTrue(scripts.contains("useradd --system --gid vigil --home-dir /var/lib/vigil"), scripts);
    assertTrue(scripts.contains("[ -d /run/systemd/system ]"), "starts the service only under systemd:\n" + scripts);
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void rpmlintFindsNothingTheFiltersDoNotExplain(String name) {
    Command lint = Command.run(Duration.ofMinutes(5), "rpmlint", "--ignore-unused-rpmlintrc", "-r",
        BuiltPackages.src().resolve("rpm/rpmlintrc").toString(), BuiltPackages.rpm(name).toString());
    assertTrue(lint.stdout().contains("0 errors, 0 warnings"), lint.all());
    assertEquals(0, lint.exit(), lint.all());
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void installsIntoAnEmptyRootRunsAndUpgradesKeepingConfiguration(String name, @TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("root");
    Files.createDirectories(root);
    Command.ok(SHORT, "rpm", "--root", root.toString(), "--initdb");
    Command.ok(SHORT, "rpm", "--root", root.toString(), "-ivh", "--nodeps", "--noscripts",
        BuiltPackages.rpm(name).toString());
    assertEquals(name + "-" + BuiltPackages.version() + "-1.x86_64",
        Command.ok(SHORT, "rpm", "--root", root.toString(), "-q", name).stdout().strip());
    // Every file as the package says (digest, size, mode, link target); dependencies are the
    // target system's business (this root has no glibc package).
    Command verify = Command.run(SHORT, "rpm", "--root", root.toString(), "-V", "--nodeps", "--nogroup", "--nouser", name);
    assertEquals("", verify.stdout(), verify.all());

    Command version = Command.run(SHORT, root.resolve("usr/bin/" + name).toString(), "--version");
    assertEquals(0, version.exit(), version.all());
    assertTrue(version.all().startsWith(name + ", version "), version.all());

    // Upgrade to the next release: an edited %config(noreplace) file stays as the user left it.
    Path flags = root.resolve("etc/sysconfig/" + name);
    String edited = Files.readString(flags) + "ARGS=\"--log.level=debug\"\n";
    Files.writeString(flags, edited);
    Path next = dir.resolve("next");
    Files.createDirectories(next);
    Path script = BuiltPackages.src().resolve("build/rpm.sh");
    Command.ok(Duration.ofMinutes(5), "bash", script.toString(), BuiltPackages.target().getParent().getParent().toString(),
        BuiltPackages.target().toString(), name, BuiltPackages.version(), "2", "1767225600", next.toString());
    Path release2 = next.resolve(name + "-" + BuiltPackages.version() + "-2.x86_64.rpm");
    Command.ok(SHORT, "rpm", "--root", root.toString(), "-Uvh", "--nodeps", "--noscripts", release2.toString());
    assertEquals(name + "-" + BuiltPackages.version() + "-2.x86_64",
        Command.ok(SHORT, "rpm", "--root", root.toString(), "-q", name).stdout().strip());
    assertEquals(edited, Files.readString(flags));
    assertFalse(Files.exists(root.resolve("etc/sysconfig/" + name + ".rpmnew")), "the unchanged default is not offered again");
  }
}
