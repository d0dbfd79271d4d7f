package dev.vigil.exporter.testing;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;

/** A collector with one family of each kind, fixed values, for exposition tests. */
public final class FakeCollector implements Collector {
    static final Desc LOAD = Desc.gauge("test_load1", "1m load average.");
    static final Desc CPU = Desc.counter("test_cpu_seconds_total", "Seconds the CPUs spent in each mode.", "cpu", "mode");
    static final Desc VMSTAT = Desc.untyped("test_vmstat_pgfault", "/proc/vmstat information field pgfault.");
    static final Desc UNAME = Desc.gauge("test_uname_info", "Labeled system information as provided by the uname system call.",
            "sysname", "release");

    private final String name;

    public FakeCollector(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void update(MetricSink sink) {
        sink.add(LOAD, 0.25);
        sink.add(CPU, 123.5, "0", "idle");
        sink.add(CPU, 7, "0", "user");
        sink.add(VMSTAT, 42);
        sink.add(UNAME, 1, "Linux", "6.1.0");
    }
}
