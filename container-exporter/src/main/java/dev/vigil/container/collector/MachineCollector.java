package dev.vigil.container.collector;

import dev.vigil.container.proc.MachineInfo;
import dev.vigil.container.proc.MachineInfoReader;
import dev.vigil.exporter.Collector;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** cAdvisor's default {@code machine_*} families (spec 4), labeled with the machine's identity. */
public final class MachineCollector implements Collector {
    private static final String[] IDS = {"boot_id", "machine_id", "system_uuid"};
    private static final Desc CPU_CORES = Desc.gauge("machine_cpu_cores", "Number of logical CPU cores.", IDS);
    private static final Desc PHYSICAL_CORES = Desc.gauge("machine_cpu_physical_cores", "Number of physical CPU cores.",
            IDS);
    private static final Desc SOCKETS = Desc.gauge("machine_cpu_sockets", "Number of CPU sockets.", IDS);
    private static final Desc MEMORY = Desc.gauge("machine_memory_bytes", "Amount of memory installed on the machine.",
            IDS);
    private static final Desc SWAP = Desc.gauge("machine_swap_bytes", "Amount of swap memory available on the machine.",
            IDS);
    private static final Desc NVM_CAPACITY = Desc.gauge("machine_nvm_capacity",
            "NVM capacity value labeled by NVM mode (memory mode or app direct mode).", "mode", "boot_id", "machine_id",
            "system_uuid");
    private static final Desc NVM_POWER = Desc.gauge("machine_nvm_avg_power_budget_watts", "NVM power budget.", IDS);
    private static final Desc SCRAPE_ERROR = Desc.gauge("machine_scrape_error",
            "1 if there was an error while getting machine metrics, 0 otherwise.");

    /** cAdvisor's {@code --update_machine_info_interval} default: CPUs, memory and ids are machine facts. */
    static final Duration REFRESH = Duration.ofMinutes(5);

    private final MachineInfoReader reader;
    private final Clock clock;
    private MachineInfo cached; // the registry never runs a collector twice at once
    private Instant readAt;

    public MachineCollector(HostPaths paths) {
        this(paths, Clock.systemUTC());
    }

    /** As above, deciding when the cached facts are due from {@code clock}. */
    public MachineCollector(HostPaths paths, Clock clock) {
        this.reader = new MachineInfoReader(paths);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "machine";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        MachineInfo info;
        try {
            info = info();
        } catch (IOException | RuntimeException e) {
            sink.add(SCRAPE_ERROR, 1);
            throw e;
        }
        String[] ids = {info.ids().bootId(), info.ids().machineId(), info.ids().systemUuid()};
        sink.add(CPU_CORES, info.cpus().logical(), ids);
        sink.add(PHYSICAL_CORES, info.cpus().physicalCores(), ids);
        sink.add(SOCKETS, info.cpus().sockets(), ids);
        sink.add(MEMORY, info.memoryBytes(), ids);
        sink.add(SWAP, info.swapBytes(), ids);
        // cAdvisor fills these only when built with Intel's libipmctl; otherwise it reports zeros, as here.
        sink.add(NVM_CAPACITY, 0, "app_direct_mode", ids[0], ids[1], ids[2]);
        sink.add(NVM_CAPACITY, 0, "memory_mode", ids[0], ids[1], ids[2]);
        sink.add(NVM_POWER, 0, ids);
        sink.add(SCRAPE_ERROR, 0);
    }

    /** The machine facts, read again every {@link #REFRESH} (a failed read is retried at the next scrape). */
    private MachineInfo info() throws IOException {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(readAt.plus(REFRESH)) || now.isBefore(readAt)) {
            cached = reader.read();
            readAt = now;
        }
        return cached;
    }
}
