package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link MachineInfo} from the host roots:
 * <ul>
 *   <li>{@code <sysfs>/devices/system/cpu/cpuN/topology/{core_id,physical_package_id}},
 *       {@code <sysfs>/devices/system/cpu/online}, {@code <sysfs>/devices/system/node/nodeN}
 *       and {@code <procfs>/cpuinfo} ({@link CpuCounts#of});
 *   <li>{@code <procfs>/meminfo};
 *   <li>{@code boot_id} from {@code <procfs>/sys/kernel/random/boot_id}; {@code machine_id} from
 *       the first of {@code <rootfs>/etc/machine-id} and {@code <rootfs>/var/lib/dbus/machine-id}
 *       that can be read (cAdvisor's {@code --machine_id_file} default); {@code system_uuid} from
 *       {@code <sysfs>/class/dmi/id/product_uuid} (root-only on most distributions; absent on
 *       machines without DMI, e.g. most ARM boards).
 * </ul>
 */
public final class MachineInfoReader {
    private static final Pattern CPU_DIR = Pattern.compile("cpu(\\d+)");
    private static final Pattern NODE_DIR = Pattern.compile("node\\d+");

    private final HostPaths paths;

    public MachineInfoReader(HostPaths paths) {
        this.paths = paths;
    }

    /**
     * Reads everything.
     *
     * @throws IOException when {@code meminfo} or {@code cpuinfo} cannot be read or MemTotal is
     *     missing or malformed: cAdvisor then has no machine info and sets
     *     {@code machine_scrape_error}
     */
    public MachineInfo read() throws IOException {
        return new MachineInfo(cpuCounts(), memTotalBytes(), swapTotalBytes(), ids());
    }

    /** The CPU counts; see {@link CpuCounts#of}. */
    public CpuCounts cpuCounts() throws IOException {
        Path cpuinfo = paths.proc("cpuinfo");
        CpuInfo info = CpuInfo.parse(Files.readString(cpuinfo));
        return CpuCounts.of(sysfsCpus(), hasNumaNodes(), info);
    }

    /** MemTotal in bytes. */
    public long memTotalBytes() throws IOException {
        Path meminfo = paths.proc("meminfo");
        try {
            return MemInfo.memTotalBytes(Files.readString(meminfo))
                    .orElseThrow(() -> new IOException("no MemTotal in " + meminfo));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IOException("malformed " + meminfo + ": " + e.getMessage(), e);
        }
    }

    /** SwapTotal in bytes, 0 when the line is missing. */
    public long swapTotalBytes() throws IOException {
        Path meminfo = paths.proc("meminfo");
        try {
            return MemInfo.swapTotalBytes(Files.readString(meminfo)).orElse(0);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IOException("malformed " + meminfo + ": " + e.getMessage(), e);
        }
    }

    /** The three label values; never fails, absent ones are "". */
    public MachineIds ids() {
        String bootId = firstReadable(paths.proc("sys", "kernel", "random", "boot_id"));
        String machineId = firstReadable(paths.root("etc", "machine-id"), paths.root("var", "lib", "dbus", "machine-id"));
        String systemUuid = firstReadable(paths.sys("class", "dmi", "id", "product_uuid"));
        return new MachineIds(bootId, machineId, systemUuid);
    }

    /** The {@code cpuN} directories in N order; empty when the directory is missing. */
    public List<SysfsCpu> sysfsCpus() throws IOException {
        Path cpuRoot = paths.sys("devices", "system", "cpu");
        BitSet online = onlineCpus(cpuRoot.resolve("online"));
        List<SysfsCpu> cpus = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cpuRoot)) {
            for (Path dir : dirs) {
                Matcher m = CPU_DIR.matcher(dir.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(dir)) {
                    continue;
                }
                int n = Integer.parseInt(m.group(1));
                Path topology = dir.resolve("topology");
                cpus.add(new SysfsCpu(n, online == null || online.get(n),
                        readTrimmed(topology.resolve("core_id")).orElse(null),
                        readTrimmed(topology.resolve("physical_package_id")).orElse(null)));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        cpus.sort(Comparator.comparingInt(SysfsCpu::cpu));
        return List.copyOf(cpus);
    }

    private boolean hasNumaNodes() throws IOException {
        Path nodeRoot = paths.sys("devices", "system", "node");
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(nodeRoot)) {
            for (Path dir : dirs) {
                if (NODE_DIR.matcher(dir.getFileName().toString()).matches()) {
                    return true;
                }
            }
            return false;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The online set, or null when the file is missing (every CPU counts as online then). */
    private static BitSet onlineCpus(Path file) throws IOException {
        Optional<String> content = readTrimmed(file);
        if (content.isEmpty()) {
            return null;
        }
        try {
            return CpuList.parse(content.get());
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> readTrimmed(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String firstReadable(Path... files) {
        for (Path file : files) {
            Optional<String> value = readTrimmed(file);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return "";
    }
}
