package dev.vigil.jvm.host;

import dev.vigil.jvm.perfdata.MalformedPerfDataException;
import dev.vigil.jvm.perfdata.PerfData;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One monitored JVM: its identity and labels, fixed when it was found, and its mapped perf data
 * region, read live. The one exception is {@code main}: a JVM found in its first milliseconds has
 * not yet written {@code sun.rt.javaCommand}, so an empty main is looked up again each time the
 * region gains entries.
 *
 * @param pid the PID in the procfs' namespace (the host's)
 * @param startTicks the process's start time, to tell a reused PID from the same process
 * @param file where its region was found
 * @param user the user its region belongs to (the {@code hsperfdata_<user>} directory)
 * @param container the container id, "" outside containers
 */
public final class HostJvm {
    private final int pid;
    private final long startTicks;
    private final Path file;
    private final String user;
    private final String container;
    private final ByteBuffer region;
    private PerfData data;
    private String main;

    HostJvm(int pid, long startTicks, Path file, String user, String container, ByteBuffer region)
            throws MalformedPerfDataException {
        this.pid = pid;
        this.startTicks = startTicks;
        this.file = file;
        this.user = user;
        this.container = container;
        this.region = region;
        this.data = PerfData.parse(region);
        this.main = JavaCommand.main(data.stringValue("sun.rt.javaCommand"));
    }

    public int pid() {
        return pid;
    }

    long startTicks() {
        return startTicks;
    }

    public Path file() {
        return file;
    }

    public String user() {
        return user;
    }

    public String container() {
        return container;
    }

    /** The main class or jar, as {@code jps} names it; "" for a JVM started through JNI without one. */
    public String main() {
        return main;
    }

    /**
     * The region's entries, indexed again first if the JVM added entries since the last call
     * (JVMs add counters as subsystems start, e.g. the JIT's, after the file appears).
     */
    public PerfData perfData() throws MalformedPerfDataException {
        if (data.structureChanged()) {
            data = PerfData.parse(region);
            if (main.isEmpty()) {
                main = JavaCommand.main(data.stringValue("sun.rt.javaCommand"));
            }
        }
        return data;
    }
}
