package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.ConntrackStat;
import dev.vigil.node.procfs.NetDev;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Connection tracking: table size and limit from {@code /proc/sys/net/netfilter}, event counters
 * summed over CPUs from {@code /proc/net/stat/nf_conntrack}. Any of the files missing means
 * conntrack is not loaded: no data. (node_exporter also sends the table size and limit when only
 * the statistics file is missing, with success 0; our registry drops the samples of an update that
 * did not succeed.)
 */
public final class ConntrackCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("conntrack", true, context -> new ConntrackCollector(context.paths()));

    private static final Desc ENTRIES = Desc.gauge("node_nf_conntrack_entries",
            "Number of currently allocated flow entries for connection tracking.");
    private static final Desc LIMIT = Desc.gauge("node_nf_conntrack_entries_limit",
            "Maximum size of connection tracking table.");
    private static final Desc FOUND = Desc.gauge("node_nf_conntrack_stat_found",
            "Number of searched entries which were successful.");
    private static final Desc INVALID = Desc.gauge("node_nf_conntrack_stat_invalid",
            "Number of packets seen which can not be tracked.");
    private static final Desc IGNORE = Desc.gauge("node_nf_conntrack_stat_ignore",
            "Number of packets seen which are already connected to a conntrack entry.");
    private static final Desc INSERT = Desc.gauge("node_nf_conntrack_stat_insert",
            "Number of entries inserted into the list.");
    private static final Desc INSERT_FAILED = Desc.gauge("node_nf_conntrack_stat_insert_failed",
            "Number of entries for which list insertion was attempted but failed.");
    private static final Desc DROP = Desc.gauge("node_nf_conntrack_stat_drop",
            "Number of packets dropped due to conntrack failure.");
    private static final Desc EARLY_DROP = Desc.gauge("node_nf_conntrack_stat_early_drop",
            "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.");
    private static final Desc SEARCH_RESTART = Desc.gauge("node_nf_conntrack_stat_search_restart",
            "Number of conntrack table lookups which had to be restarted due to hashtable resizes.");

    private final HostPaths paths;

    public ConntrackCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "conntrack";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        sink.add(ENTRIES, readUnsigned(paths.proc("sys", "net", "netfilter", "nf_conntrack_count")));
        sink.add(LIMIT, readUnsigned(paths.proc("sys", "net", "netfilter", "nf_conntrack_max")));
        Path file = paths.proc("net", "stat", "nf_conntrack");
        ConntrackStat stat;
        try {
            stat = ConntrackStat.parse(read(file));
        } catch (IllegalArgumentException e) {
            throw new IOException("failed to retrieve conntrack stats: " + file + ": " + e.getMessage(), e);
        }
        sink.add(FOUND, NetDev.toDouble(stat.found()));
        sink.add(INVALID, NetDev.toDouble(stat.invalid()));
        sink.add(IGNORE, NetDev.toDouble(stat.ignore()));
        sink.add(INSERT, NetDev.toDouble(stat.insert()));
        sink.add(INSERT_FAILED, NetDev.toDouble(stat.insertFailed()));
        sink.add(DROP, NetDev.toDouble(stat.drop()));
        sink.add(EARLY_DROP, NetDev.toDouble(stat.earlyDrop()));
        sink.add(SEARCH_RESTART, NetDev.toDouble(stat.searchRestart()));
    }

    private static String read(Path file) throws IOException {
        try {
            return KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new NoDataException("conntrack probably not loaded: " + file + " does not exist");
        }
    }

    private static double readUnsigned(Path file) throws IOException {
        String text = read(file).strip();
        try {
            return NetDev.toDouble(Long.parseUnsignedLong(text));
        } catch (NumberFormatException e) {
            throw new IOException("failed to retrieve conntrack stats: " + file + ": not an unsigned integer: " + text, e);
        }
    }
}
