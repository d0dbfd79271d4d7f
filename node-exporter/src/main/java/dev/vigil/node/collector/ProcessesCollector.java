package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.log.Log;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.PidStat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Process and thread counts by state from {@code /proc/<pid>/stat} and {@code
 * /proc/<pid>/task/<tid>/stat}, with the kernel's limits {@code threads-max} and {@code pid_max}.
 * Processes and threads that exit while being read are skipped.
 */
public final class ProcessesCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("processes", false, context -> new ProcessesCollector(context.paths()));

    private static final Log LOG = Log.get(ProcessesCollector.class);

    private static final Desc THREADS = Desc.gauge("node_processes_threads", "Allocated threads in system");
    private static final Desc MAX_THREADS = Desc.gauge("node_processes_max_threads", "Limit of threads in the system");
    private static final Desc STATE = Desc.gauge("node_processes_state", "Number of processes in each state.", "state");
    private static final Desc THREADS_STATE = Desc.gauge("node_processes_threads_state",
            "Number of threads in each state.", "thread_state");
    private static final Desc PIDS = Desc.gauge("node_processes_pids", "Number of PIDs");
    private static final Desc MAX_PROCESSES = Desc.gauge("node_processes_max_processes", "Number of max PIDs limit");

    private final HostPaths paths;

    public ProcessesCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        int pids = 0;
        long threads = 0;
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> threadStates = new TreeMap<>();
        for (String pid : numericEntries(paths.procfs())) {
            Path dir = paths.proc(pid);
            PidStat stat = readStat(dir.resolve("stat"));
            if (stat == null) {
                LOG.debug("file not found when retrieving stats for pid", "pid", pid);
                continue;
            }
            pids++;
            states.merge(stat.state(), 1, Integer::sum);
            threads += stat.numThreads();
            countThreads(pid, dir.resolve("task"), stat, threadStates);
        }
        double maxThreads = readLimit("threads-max", "unable to retrieve limit number of threads");
        double pidMax = readLimit("pid_max", "unable to retrieve limit number of maximum pids alloved");

        sink.add(THREADS, threads);
        sink.add(MAX_THREADS, maxThreads);
        states.forEach((state, count) -> sink.add(STATE, count, state));
        threadStates.forEach((state, count) -> sink.add(THREADS_STATE, count, state));
        sink.add(PIDS, pids);
        sink.add(MAX_PROCESSES, pidMax);
    }

    /** Counts the states of a process's threads; the main thread counts with the process's state. */
    private static void countThreads(String pid, Path taskDir, PidStat process, Map<String, Integer> threadStates)
            throws IOException {
        List<String> tids;
        try {
            tids = numericEntries(taskDir);
        } catch (NoSuchFileException e) {
            LOG.debug("file not found when retrieving tasks for pid", "pid", pid, "err", e.getMessage());
            return;
        }
        for (String tid : tids) {
            if (tid.equals(pid)) {
                threadStates.merge(process.state(), 1, Integer::sum);
                continue;
            }
            PidStat thread = readStat(taskDir.resolve(tid).resolve("stat"));
            if (thread == null) {
                LOG.debug("file not found when retrieving stats for thread", "pid", pid, "threadId", tid);
                continue;
            }
            threadStates.merge(thread.state(), 1, Integer::sum);
        }
    }

    /** The stat of a process or thread, or null if it has gone away. */
    private static PidStat readStat(Path file) throws IOException {
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // A process exiting between listing and reading can also fail with ESRCH.
            if (String.valueOf(e.getMessage()).contains("No such process")) {
                return null;
            }
            throw new IOException("error reading stat " + file + ": " + e.getMessage(), e);
        }
        try {
            return PidStat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("error reading stat " + file + ": " + e.getMessage(), e);
        }
    }

    private double readLimit(String name, String what) throws IOException {
        Path file = paths.proc("sys", "kernel", name);
        String text;
        try {
            text = KernelFiles.readTrimmed(file);
        } catch (NoSuchFileException e) {
            throw new NoDataException(what + ": " + file + " does not exist");
        }
        try {
            return CpuCollector.unsignedToDouble(Long.parseUnsignedLong(text));
        } catch (NumberFormatException e) {
            throw new IOException(what + ": " + file + ": not an unsigned integer: \"" + text + "\"", e);
        }
    }

    /** The entries of {@code dir} whose names are numbers (process or thread ids). */
    private static List<String> numericEntries(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                if (isNumber(name)) {
                    names.add(name);
                }
            }
        } catch (NotDirectoryException e) {
            throw new NoSuchFileException(dir.toString());
        }
        return names;
    }

    private static boolean isNumber(String name) {
        if (name.isEmpty() || name.length() > 10) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
