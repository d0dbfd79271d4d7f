package dev.vigil.node.collector;

import static dev.vigil.node.collector.HwmonCollectorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OsCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("os");
        Parity.of("node_os_").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    /** os-release files as distributions write them, and the odd ones envparse refuses. */
    @ParameterizedTest
    @ValueSource(strings = {
        "PRETTY_NAME=\"Ubuntu 20.04.6 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"20.04\"\nVERSION=\"20.04.6 LTS (Focal Fossa)\"\n"
                + "VERSION_CODENAME=focal\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=focal\n",
        "NAME=\"Red Hat Enterprise Linux\"\nVERSION=\"8.10 (Ootpa)\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\n"
                + "VERSION_ID=\"8.10\"\nPLATFORM_ID=\"platform:el8\"\nPRETTY_NAME=\"Red Hat Enterprise Linux 8.10 (Ootpa)\"\n",
        "NAME=\"Fedora Linux\"\nVERSION=\"39 (Container Image)\"\nID=fedora\nVERSION_ID=39\nVARIANT=\"Container Image\"\n"
                + "VARIANT_ID=container\nIMAGE_ID=fedora-39\nIMAGE_VERSION=1.0\n",
        "NAME=\"Arch Linux\"\nPRETTY_NAME=\"Arch Linux\"\nID=arch\nBUILD_ID=rolling\n",
        "NAME=Alpine\nID=alpine\nVERSION_ID=3.19.1\n",
        "# comment\n   # indented comment\n\nNAME=Foo\nVERSION_ID=v7\n",
        "NAME=\"Foo \\\"Linux\\\"\"\nexport ID=foo # trailing comment\nID_LIKE='rhel fedora'\nPRETTY_NAME = spaced value  \n",
        "NAME=I\r\nID=i\r\nVERSION_ID=12.\r\n",
        "NAME=\"caf\\u00e9 \\ud83d\\ude00\"\nVERSION=\"a\\tb\\/c\"\nID=x#notacomment\n",
        "NAME=G\nGARBAGE\n",
        "NAME=\"H\\x\"\n",
        "NAME=\"J\nID=j\n",
        "NAME='K\n",
        "1NAME=x\n",
        "NA-ME=x\n",
        "NAME=a\tb\n",
        "",
    })
    void parsesOsReleaseAsNodeExporter(String content, @TempDir Path root) throws Exception {
        write(root.resolve("etc/os-release"), content);
        List<String> args = List.of("--path.rootfs=" + root, "--collector.disable-defaults", "--collector.os");
        Parity.of("node_os_", "node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void fallsBackToUsrLibAndReportsNoDataWithoutEither(@TempDir Path root) throws Exception {
        List<String> args = List.of("--path.rootfs=" + root, "--collector.disable-defaults", "--collector.os");
        Parity parity = Parity.of("node_os_", "node_scrape_collector_success");
        parity.assertSame(Exporters.vigil(args), Exporters.reference(args));
        write(root.resolve("usr/lib/os-release"), "NAME=Arch\nID=arch\nBUILD_ID=rolling\n");
        parity.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void rereadsTheFileWhenItChanges(@TempDir Path root) throws Exception {
        Path file = root.resolve("etc/os-release");
        write(file, "NAME=Debian\nID=debian\nVERSION_ID=11\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        OsCollector collector = new OsCollector(new HostPaths(root, root, root, root));
        assertEquals(11.0, version(collector));
        write(file, "NAME=Debian\nID=debian\nVERSION_ID=12\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        assertEquals(11.0, version(collector), "same modification time: kept");
        Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));
        assertEquals(12.0, version(collector));
    }

    private static double version(OsCollector collector) throws Exception {
        RecordingSink sink = new RecordingSink();
        collector.update(sink);
        return sink.samples.stream().filter(sample -> sample.desc().name().equals("node_os_version"))
                .findFirst().orElseThrow().value();
    }
}
