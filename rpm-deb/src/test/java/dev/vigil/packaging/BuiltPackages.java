package dev.vigil.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The packages the package phase left in target/, named as the build names them. */
final class BuiltPackages {
  static final List<String> NAMES =
      List.of("vigil-node-exporter", "vigil-container-exporter", "vigil-jvm-exporter", "vigil-hub");

  private BuiltPackages() {}

  static Path target() {
    return Path.of(System.getProperty("packages.dir", "target")).toAbsolutePath();
  }

  /** The version both formats carry, e.g. 0.1.0~snapshot (written by build-packages.sh). */
  static String version() {
    Properties p = new Properties();
    try (var in = Files.newInputStream(target().resolve("stage/version.properties"))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("no staged version: run the package phase first", e);
    }
    return p.getProperty("version");
  }

  static Path deb(String name) {
    return existing(target().resolve(name + "_" + version() + "_amd64.deb"));
  }

  static Path rpm(String name) {
    return existing(target().resolve(name + "-" + version() + "-1.x86_64.rpm"));
  }

  /** The rpm-deb module's own sources (src/...). */
  static Path src() {
    return target().getParent().resolve("src");
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(file + " was not built");
    }
    return file;
  }
}
