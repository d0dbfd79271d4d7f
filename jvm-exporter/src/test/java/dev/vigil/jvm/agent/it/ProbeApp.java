package dev.vigil.jvm.agent.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;

/**
 * The application the agent is attached to in the tests. It prints {@code main-uptime-ms=N} as
 * soon as main runs, then answers commands on stdin: {@code mx} prints its MXBean values as
 * {@code key=value} lines ending with {@code end}; {@code quit} (or end of input) exits. With the
 * argument {@code own-stack} it first starts its own Helidon server and client_java registry
 * (unrelocated, from its class path) and prints {@code app-port=N}. With {@code churn} a daemon
 * thread allocates short-lived garbage (about 64 MB/s) as a busy application does, so its young
 * generation is touched whatever an agent allocates (the benchmark's "busy application").
 */
public final class ProbeApp {
    private ProbeApp() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("main-uptime-ms=" + ManagementFactory.getRuntimeMXBean().getUptime());
        if (args.length > 0 && args[0].equals("own-stack")) {
            out.println("app-port=" + OwnStack.start());
        }
        if (args.length > 0 && args[0].equals("churn")) {
            Thread churn = new Thread(ProbeApp::churn, "churn");
            churn.setDaemon(true);
            churn.start();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            switch (line.trim()) {
                case "mx" -> printMx(out);
                case "quit" -> System.exit(0);
                default -> out.println("unknown command " + line);
            }
        }
        System.exit(0);
    }

    /** Some 64 MB/s of 64 KB arrays that die at once. */
    private static void churn() {
        long sink = 0;
        while (true) {
            byte[] garbage = new byte[64 * 1024];
            garbage[garbage.length - 1] = 1;
            sink += garbage[garbage.length - 1];
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            if (sink == Long.MIN_VALUE) {
                System.out.println(sink);
            }
        }
    }

    private static void printMx(PrintStream out) {
        var memory = ManagementFactory.getMemoryMXBean();
        out.println("heap_used=" + memory.getHeapMemoryUsage().getUsed());
        out.println("heap_committed=" + memory.getHeapMemoryUsage().getCommitted());
        out.println("heap_max=" + memory.getHeapMemoryUsage().getMax());
        out.println("nonheap_used=" + memory.getNonHeapMemoryUsage().getUsed());
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            out.println("pool_used{" + pool.getName() + "}=" + pool.getUsage().getUsed());
            out.println("pool_max{" + pool.getName() + "}=" + pool.getUsage().getMax());
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.println("gc_count{" + gc.getName() + "}=" + gc.getCollectionCount());
        }
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            out.println("buffer_pool{" + pool.getName() + "}=" + pool.getCount());
        }
        var classes = ManagementFactory.getClassLoadingMXBean();
        out.println("classes_loaded_total=" + classes.getTotalLoadedClassCount());
        var threads = ManagementFactory.getThreadMXBean();
        out.println("threads_current=" + threads.getThreadCount());
        out.println("threads_daemon=" + threads.getDaemonThreadCount());
        out.println("threads_started_total=" + threads.getTotalStartedThreadCount());
        var runtime = ManagementFactory.getRuntimeMXBean();
        out.println("start_time_ms=" + runtime.getStartTime());
        out.println("java_version=" + System.getProperty("java.runtime.version"));
        out.println("java_vendor=" + System.getProperty("java.vm.vendor"));
        out.println("java_runtime=" + System.getProperty("java.runtime.name"));
        out.println("end");
    }
}
