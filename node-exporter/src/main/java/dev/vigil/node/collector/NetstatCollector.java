package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.NetStat;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Protocol counters from {@code /proc/net/netstat}, {@code snmp} and {@code snmp6} (the last
 * optional: absent when IPv6 is off), as untyped {@code node_netstat_<Proto>_<Name>} families,
 * those whose {@code <Proto>_<Name>} matches {@code --collector.netstat.fields}. Whether a field
 * matches is remembered, so the pattern runs once per field name, not once per scrape.
 */
public final class NetstatCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    /** node_exporter 1.5's default for {@code --collector.netstat.fields}. */
    public static final String DEFAULT_FIELDS = "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)"
            + "|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts)"
            + "|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)"
            + "|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$";

    private final HostPaths paths;
    private final Pattern fields;
    /** Per protocol, per counter name: its descriptor, or empty if the pattern leaves it out. */
    private final Map<String, Map<String, Optional<Desc>>> descs = new ConcurrentHashMap<>();

    public NetstatCollector(HostPaths paths, Pattern fields) {
        this.paths = paths;
        this.fields = fields;
    }

    @Override
    public String name() {
        return "netstat";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Map<String, Map<String, Double>> stats = new LinkedHashMap<>();
        stats.putAll(parse(paths.proc("net", "netstat"), false, "couldn't get netstats"));
        stats.putAll(parse(paths.proc("net", "snmp"), false, "couldn't get SNMP stats"));
        stats.putAll(parse(paths.proc("net", "snmp6"), true, "couldn't get SNMP6 stats"));
        for (Map.Entry<String, Map<String, Double>> protocol : stats.entrySet()) {
            String proto = protocol.getKey();
            Map<String, Optional<Desc>> protoDescs = descs.computeIfAbsent(proto, p -> new ConcurrentHashMap<>());
            for (Map.Entry<String, Double> field : protocol.getValue().entrySet()) {
                Optional<Desc> desc = protoDescs.get(field.getKey());
                if (desc == null) {
                    desc = describe(proto + "_" + field.getKey(), proto + field.getKey());
                    protoDescs.put(field.getKey(), desc);
                }
                if (desc.isPresent()) {
                    sink.add(desc.get(), field.getValue());
                }
            }
        }
    }

    private Optional<Desc> describe(String key, String statistic) {
        if (!fields.matcher(key).find()) {
            return Optional.empty();
        }
        return Optional.of(Desc.untyped("node_netstat_" + key, "Statistic " + statistic + "."));
    }

    private static Map<String, Map<String, Double>> parse(Path file, boolean snmp6, String what) throws IOException {
        String text;
        try {
            text = KernelFiles.read(file);
        } catch (NoSuchFileException e) {
            if (snmp6) {
                return Map.of(); // IPv6 disabled
            }
            throw new NoDataException(file + " does not exist");
        }
        try {
            return snmp6 ? NetStat.parseSnmp6(text) : NetStat.parsePairs(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": " + file + ": " + e.getMessage(), e);
        }
    }

    /** Registers netstat with node_exporter's flag. */
    private static final class Factory implements CollectorFactory {
        private static final String FIELDS = "collector.netstat.fields";

        @Override
        public String name() {
            return "netstat";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string(FIELDS, "Regexp of fields to return for netstat collector.", DEFAULT_FIELDS);
        }

        @Override
        public Collector create(CollectorContext context) {
            return new NetstatCollector(context.paths(), Pattern.compile((String) context.flags().lookup(FIELDS).get()));
        }
    }
}
