package dev.vigil.node.collector;

import static dev.vigil.node.collector.HwmonCollectorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfinibandCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("infiniband");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_infiniband_").assertSame(ours, Exporters.reference(args));
        assertEquals(8884894436.0, ours.families.get("node_infiniband_port_data_received_bytes_total").samples
                .get("node_infiniband_port_data_received_bytes_total{device=\"mlx4_0\",port=\"1\"}"), "4 lanes");
    }

    @Test
    void oddPortsMatchNodeExporter(@TempDir Path root) throws Exception {
        Path hfi = device(root, "hfi1_0");
        port(hfi, "1", "100 Gb/sec (4X EDR)");
        write(hfi.resolve("ports/1/counters/link_downed"), "0x10\n");
        write(hfi.resolve("ports/1/counters/symbol_error"), "12 \n");
        write(hfi.resolve("ports/1/counters/unknown_counter"), "not a number\n");
        write(hfi.resolve("ports/1/counters/port_xmit_data"), "18446744073709551615\n"); // wraps when multiplied
        Files.createDirectories(hfi.resolve("ports/1/counters/subdir"));
        Path qib = device(root, "qib0");
        port(qib, "1", "2.5 Gb/sec (1X SDR)");
        port(qib, "2", "14.0625 Gb/sec (1X FDR)");
        port(qib, "03", "13.7 Gb/sec (4X)");
        write(qib.resolve("ports/2/counters/link_downed"), "N/A (no PMA)\n");
        write(qib.resolve("ports/2/counters/symbol_error"), "error: N/A (no PMA) here\n");
        write(qib.resolve("ports/2/counters_ext/port_rcv_data_64"), "10\n");
        write(qib.resolve("ports/2/counters_ext/port_xmit_data_64"), "N/A (no PMA)\n");
        write(qib.resolve("ports/2/counters_ext/whatever"), "zz\n");
        List<String> args = args(root);
        Parity.of("node_infiniband_", "node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    /** What node_exporter 1.5 makes of missing or malformed files: no data, or a failed scrape. */
    @ParameterizedTest
    @CsvSource({
        "mlx5_0/board_id, -",
        "mlx5_0/fw_ver, -",
        "mlx5_0/hca_type, -",
        "mlx5_0/ports/1/state, -",
        "mlx5_0/ports/1/rate, -",
        "mlx5_0/ports/1/counters, -",
        "mlx5_0/ports/1/state, 'ACTIVE'",
        "mlx5_0/ports/1/state, '4: ACTIVE: really'",
        "mlx5_0/ports/1/phys_state, 'x: LinkUp'",
        "mlx5_0/ports/1/rate, '40'",
        "mlx5_0/ports/1/rate, 'fast Gb/sec'",
        "mlx5_0/ports/1/counters/link_downed, 'bad'",
        "mlx5_0/ports/1/counters/link_downed, '-1'",
    })
    void brokenFilesMatchNodeExporter(String file, String content, @TempDir Path root) throws Exception {
        Path mlx = device(root, "mlx5_0");
        port(mlx, "1", "56 Gb/sec (4X FDR)");
        write(mlx.resolve("ports/1/counters/link_downed"), "3\n");
        Path target = root.resolve("sys/class/infiniband").resolve(file);
        if (content.equals("-")) {
            deleteTree(target);
        } else {
            write(target, content + "\n");
        }
        List<String> args = args(root);
        Parity.of("node_infiniband_", "node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void portNamesMustBeNumbers(@TempDir Path root) throws Exception {
        Path mlx = device(root, "mlx5_0");
        port(mlx, "x", "56 Gb/sec (4X FDR)");
        List<String> args = args(root);
        Parity.of("node_infiniband_", "node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    private static List<String> args(Path root) {
        return List.of("--path.sysfs=" + root.resolve("sys"), "--collector.disable-defaults", "--collector.infiniband");
    }

    private static Path device(Path root, String name) throws Exception {
        Path dir = root.resolve("sys/class/infiniband").resolve(name);
        write(dir.resolve("board_id"), "SM_1141000001000\n");
        write(dir.resolve("fw_ver"), "2.31.5050\n");
        write(dir.resolve("hca_type"), "MT4099\n");
        return dir;
    }

    private static void port(Path device, String port, String rate) throws Exception {
        Path dir = device.resolve("ports").resolve(port);
        write(dir.resolve("state"), "4: ACTIVE\n");
        write(dir.resolve("phys_state"), "5: LinkUp\n");
        write(dir.resolve("rate"), rate + "\n");
        Files.createDirectories(dir.resolve("counters"));
    }

    private static void deleteTree(Path path) throws Exception {
        if (Files.isDirectory(path)) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        Files.delete(path);
    }
}
