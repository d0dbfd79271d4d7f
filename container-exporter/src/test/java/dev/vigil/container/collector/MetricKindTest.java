package dev.vigil.container.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricKindTest {

    @Test
    void defaultsAreStandaloneCadvisors() {
        Set<MetricKind> kinds = MetricKind.enabled(MetricKind.DEFAULT_DISABLED, "");
        assertEquals("cpu,percpu,memory,cpuLoad,diskIO,disk,network,accelerator,app,perf_event,oom_event,pressure",
                MetricKind.names(kinds));
        assertFalse(kinds.contains(MetricKind.PROCESS));
    }

    @Test
    void enableOverridesDisable() {
        assertEquals(EnumSet.of(MetricKind.CPU, MetricKind.PROCESS), MetricKind.enabled("cpu,process", "process, cpu"));
        assertEquals(EnumSet.of(MetricKind.CPU), MetricKind.enabled("", "cpu,,"));
    }

    @Test
    void disableRemovesFromAll() {
        Set<MetricKind> kinds = MetricKind.enabled("network,percpu", "");
        assertFalse(kinds.contains(MetricKind.NETWORK));
        assertFalse(kinds.contains(MetricKind.PERCPU));
        assertTrue(kinds.contains(MetricKind.PROCESS), "an explicit list replaces the default one");
        assertEquals(EnumSet.allOf(MetricKind.class), MetricKind.enabled("", ""));
    }

    @Test
    void namesAreCadvisorsCaseInsensitive() {
        assertEquals(MetricKind.CPU_LOAD, MetricKind.named("cpuLoad"));
        assertEquals(MetricKind.CPU_LOAD, MetricKind.named("cpuload"));
        assertEquals(MetricKind.DISK_IO, MetricKind.named(" diskIO "));
        assertEquals("cpu,memory,cpuLoad,diskIO,network,process,oom_event,pressure",
                MetricKind.names(MetricKind.list(MetricKind.KUBELET)));
    }

    @Test
    void unknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricKind.enabled("cpu,nope", ""));
        assertTrue(e.getMessage().startsWith("unsupported metric \"nope\"; known: cpu, percpu,"), e.getMessage());
    }
}
