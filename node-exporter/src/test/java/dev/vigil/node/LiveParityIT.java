package dev.vigil.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.CollectorFactory;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Scrape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our node exporter and Debian's node_exporter 1.5 on this live host, the same collectors on: the
 * same families, HELP, TYPE and label sets; host-invariant gauges equal; every counter read between
 * two reads of node_exporter's lies between them (counters moving together).
 */
class LiveParityIT {
    /** Families whose values do not change while the test runs, so they must be equal. */
    private static final Pattern INVARIANT = Pattern.compile("^node_("
            + "scrape_collector_success|boot_time_seconds|memory_(MemTotal|SwapTotal|Hugepagesize)_bytes"
            + "|memory_HugePages_Total|filesystem_(size_bytes|readonly|files|device_error)|network_(mtu_bytes|speed_bytes"
            + "|info|address_assign_type|carrier|device_id|dormant|flags|iface_id|iface_link|iface_link_mode|protocol_type"
            + "|up|net_dev_group|transmit_queue_length)|disk_info|os_info|os_version|uname_info|entropy_pool_size_bits"
            + "|filefd_maximum|nf_conntrack_entries_limit|cpu_info|cpu_scaling_frequency_(min|max)_hertz"
            + "|cpu_frequency_(min|max)_hertz|dmi_info|selinux_enabled|textfile_scrape_error|hwmon_chip_names"
            + "|power_supply_info|thermal_zone_temp|rapl_.*|zfs_.*|bonding_slaves|md_disks_required|exporter_.*"
            + ")$");

    /** Families that differ by nature between two processes (their own timings). */
    private static final Pattern SKIP = Pattern.compile("^node_(scrape_collector_duration_seconds|exporter_build_info)$");

    @Test
    void defaultCollectorsAgreeWithNodeExporter() throws Exception {
        List<String> args = new ArrayList<>(List.of("--collector.disable-defaults"));
        for (CollectorFactory factory : NodeCollectors.all()) {
            if (factory.enabledByDefault() && !factory.name().equals("textfile")) {
                args.add("--collector." + factory.name());
            }
        }
        Scrape before = Exporters.reference(args);
        Scrape ours = Exporters.vigil(args);
        Scrape after = Exporters.reference(args);

        List<String> diffs = new ArrayList<>();
        Map<String, Scrape.Family> mine = ours.only(List.of("node_"));
        Map<String, Scrape.Family> theirs = before.only(List.of("node_"));
        Map<String, Scrape.Family> theirsAfter = after.only(List.of("node_"));
        Set<String> names = new TreeSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        for (String name : names) {
            if (SKIP.matcher(name).matches()) {
                continue;
            }
            Scrape.Family a = theirs.get(name);
            Scrape.Family b = mine.get(name);
            Scrape.Family c = theirsAfter.get(name);
            if (b == null || a == null) {
                diffs.add((b == null ? "missing family " : "extra family ") + name);
                continue;
            }
            if (!a.type.equals(b.type) || !a.help.equals(b.help)) {
                diffs.add(name + ": TYPE/HELP " + b.type + " \"" + b.help + "\", node_exporter " + a.type + " \"" + a.help + "\"");
            }
            for (String key : a.samples.keySet()) {
                if (!b.samples.containsKey(key) && c != null && c.samples.containsKey(key)) {
                    diffs.add("missing sample " + key);
                }
            }
            for (Map.Entry<String, Double> sample : b.samples.entrySet()) {
                String key = sample.getKey();
                Double x = a.samples.get(key);
                Double z = c == null ? null : c.samples.get(key);
                if (x == null && z == null) {
                    diffs.add("extra sample " + key);
                } else if (x != null && z != null) {
                    double v = sample.getValue();
                    if (INVARIANT.matcher(name).matches() && !(v == x || v == z)) {
                        diffs.add(key + ": " + v + ", node_exporter says " + x);
                    } else if (a.type.equals("counter") && !(v >= x - 1e-6 * Math.abs(x) && v <= z + 1e-6 * Math.abs(z))) {
                        diffs.add(key + ": counter " + v + " not between node_exporter's " + x + " and " + z);
                    }
                }
            }
        }
        assertTrue(diffs.isEmpty(), diffs.size() + " differences from node_exporter on this host:\n  "
                + String.join("\n  ", diffs));
    }
}
