package dev.vigil.container.cgroup;

import static dev.vigil.container.cgroup.CgroupFiles.cadvisorLimit;
import static dev.vigil.container.cgroup.CgroupFiles.key;
import static dev.vigil.container.cgroup.CgroupFiles.times;

import dev.vigil.container.cgroup.CgroupStats.BlockIoDevice;
import dev.vigil.container.cgroup.CgroupStats.Cpu;
import dev.vigil.container.cgroup.CgroupStats.CpuSpec;
import dev.vigil.container.cgroup.CgroupStats.Memory;
import dev.vigil.container.cgroup.CgroupStats.MemorySpec;
import dev.vigil.container.cgroup.CgroupStats.Pids;
import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** cgroup v2: all controllers' files in the cgroup's one directory. */
final class V2StatsReader extends KeptFilesReader {
    private final Path unified;
    private final HostPaths paths;

    V2StatsReader(Path unified, HostPaths paths, Clock clock) {
        super(clock);
        this.unified = unified;
        this.paths = paths;
    }

    @Override
    public CgroupStats read(String cgroup, StatsSelection selection) throws IOException {
        Instant timestamp = clock.instant();
        Path dir = unified.resolve(CgroupStatsReader.relative(cgroup));
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(cgroup, null, "no such cgroup in the v2 tree");
        }
        CgroupFiles files = new CgroupFiles(dir, handles);
        boolean root = dir.equals(unified);
        Optional<List<Long>> procs = selection.processes() ? files.procs() : Optional.empty();
        boolean pressure = selection.pressure();
        SpecCache.Spec spec = specs.get(cgroup, () -> new SpecCache.Spec(cpuSpec(files), memorySpec(files), true));
        return new CgroupStats(cgroup, timestamp, selection.cpu() ? cpu(files) : Cpu.ABSENT,
                selection.memory() ? memory(files, root) : Memory.ABSENT,
                selection.blockIo() ? blockIo(files) : List.of(),
                selection.processes() ? pids(files, procs) : Pids.ABSENT, spec.cpu(), spec.memory(),
                pressure ? files.parsed("cpu.pressure", PressureFile::parse) : Optional.empty(),
                pressure ? files.parsed("memory.pressure", PressureFile::parse) : Optional.empty(),
                pressure ? files.parsed("io.pressure", PressureFile::parse) : Optional.empty(), procs);
    }

    private static Cpu cpu(CgroupFiles files) {
        Map<String, Long> stat = files.flat("cpu.stat");
        return new Cpu(times(key(stat, "usage_usec"), 1000), times(key(stat, "user_usec"), 1000),
                times(key(stat, "system_usec"), 1000), List.of(),
                key(stat, "nr_periods"), key(stat, "nr_throttled"), times(key(stat, "throttled_usec"), 1000),
                key(stat, "nr_bursts"), times(key(stat, "burst_usec"), 1000));
    }

    private Memory memory(CgroupFiles files, boolean root) {
        Map<String, Long> stat = files.flat("memory.stat");
        OptionalLong usage = files.single("memory.current");
        OptionalLong swap = files.single("memory.swap.current");
        if (root) {
            // The root has no memory.current / memory.swap.current; cAdvisor sums memory.stat and uses meminfo.
            if (usage.isEmpty() && stat.containsKey("anon") && stat.containsKey("file")) {
                usage = OptionalLong.of(stat.get("anon") + stat.get("file"));
            }
            if (swap.isEmpty()) {
                swap = hostSwapUsed();
            }
        }
        OptionalLong inactiveFile = key(stat, "inactive_file");
        Map<String, Long> events = files.flat("memory.events");
        Map<String, Long> localEvents = files.flat("memory.events.local");
        OptionalLong none = OptionalLong.empty();
        return new Memory(usage, files.single("memory.peak"), CgroupFiles.workingSet(usage, inactiveFile),
                key(stat, "anon"), key(stat, "file"), swap, key(stat, "file_mapped"), none, none,
                key(stat, "active_file"), inactiveFile, key(stat, "pgfault"), key(stat, "pgmajfault"),
                key(stat, "pgfault"), key(stat, "pgmajfault"),
                key(events, "high"), key(events, "max"), key(events, "oom"), key(events, "oom_kill"),
                key(localEvents, "oom_kill"));
    }

    /** {@code SwapTotal − SwapFree} of {@code <procfs>/meminfo}, in bytes. */
    private OptionalLong hostSwapUsed() {
        try {
            Map<String, Long> kb = new LinkedHashMap<>();
            for (String line : Files.readAllLines(paths.proc("meminfo"), StandardCharsets.ISO_8859_1)) {
                String[] fields = line.split("[:\\s]+");
                if (fields.length >= 2 && (fields[0].equals("SwapTotal") || fields[0].equals("SwapFree"))) {
                    Long value = Numbers.parseUnsigned(fields[1]);
                    if (value != null) {
                        kb.put(fields[0], value);
                    }
                }
            }
            if (kb.size() == 2) {
                return OptionalLong.of(Math.max(0, kb.get("SwapTotal") - kb.get("SwapFree")) * 1024);
            }
        } catch (IOException e) {
            // no meminfo: root swap stays absent
        }
        return OptionalLong.empty();
    }

    private static List<BlockIoDevice> blockIo(CgroupFiles files) {
        Map<String, Map<String, String>> lines = files.text("io.stat").map(NestedKeyedFile::parse).orElse(Map.of());
        List<BlockIoDevice> devices = new ArrayList<>();
        lines.forEach((device, fields) -> {
            int[] number = DeviceNumber.parse(device);
            if (number == null) {
                SkippedLines.LOG.skip(device + " " + fields, "io.stat line key is not major:minor");
                return;
            }
            OptionalLong rbytes = number(fields, "rbytes");
            OptionalLong wbytes = number(fields, "wbytes");
            Map<String, Long> byOperation = new LinkedHashMap<>();
            rbytes.ifPresent(v -> byOperation.put("Read", v));
            wbytes.ifPresent(v -> byOperation.put("Write", v));
            devices.add(new BlockIoDevice(number[0], number[1], rbytes, wbytes,
                    number(fields, "rios"), number(fields, "wios"), byOperation));
        });
        return devices;
    }

    private static OptionalLong number(Map<String, String> fields, String key) {
        String text = fields.get(key);
        Long value = text == null ? null : Numbers.parseUnsigned(text);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** pids.current, or without the pids controller the number of processes, as the cgroups library does. */
    private static Pids pids(CgroupFiles files, Optional<List<Long>> procs) {
        OptionalLong current = files.single("pids.current");
        if (current.isEmpty() && procs.isPresent()) {
            current = OptionalLong.of(procs.get().size());
        }
        return new Pids(current, V1StatsReader.zeroIfMax(files.single("pids.max")));
    }

    private static CpuSpec cpuSpec(CgroupFiles files) {
        OptionalLong quota = OptionalLong.empty();
        OptionalLong period = OptionalLong.empty();
        Optional<String> max = files.text("cpu.max");
        if (max.isPresent()) {
            String[] fields = Fields.split(max.get().strip());
            if (fields.length >= 1) {
                quota = fields[0].equals("max") ? OptionalLong.of(0) : SingleValueFile.parse(fields[0]);
            }
            if (fields.length >= 2) {
                period = SingleValueFile.parse(fields[1]);
            }
        }
        return new CpuSpec(period, quota, weightToShares(files.single("cpu.weight")));
    }

    /**
     * runc's and cAdvisor's inverse of the shares→weight mapping: weight 1..10000 →
     * {@code 2 + ((weight − 1) × 262142) / 9999} (integer division). Out of range: absent.
     */
    static OptionalLong weightToShares(OptionalLong weight) {
        if (weight.isEmpty() || weight.getAsLong() < 1 || weight.getAsLong() > 10000) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(2 + ((weight.getAsLong() - 1) * 262142) / 9999);
    }

    private static MemorySpec memorySpec(CgroupFiles files) {
        return new MemorySpec(cadvisorLimit(files.single("memory.max")), cadvisorLimit(files.single("memory.min")),
                cadvisorLimit(files.single("memory.swap.max")));
    }
}
