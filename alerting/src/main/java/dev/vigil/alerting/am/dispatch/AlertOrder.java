package dev.vigil.alerting.am.dispatch;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.model.Labels;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * Alertmanager's orders: alerts by {@code job}, then {@code instance} (an alert without the label
 * after those with it), then by label set; label sets smaller first, then by value name by name.
 */
public final class AlertOrder {
    private AlertOrder() {
    }

    public static final Comparator<AmAlert> ALERTS = (a, b) -> {
        for (String key : new String[] {"job", "instance"}) {
            boolean ha = a.labels().has(key);
            boolean hb = b.labels().has(key);
            if (!ha && !hb) {
                continue;
            }
            if (!ha) {
                return 1;
            }
            if (!hb) {
                return -1;
            }
            int c = a.labels().get(key).compareTo(b.labels().get(key));
            if (c != 0) {
                return c;
            }
        }
        return compareLabelSets(a.labels(), b.labels());
    };

    /** {@code LabelSet.Before} as a comparison. */
    public static int compareLabelSets(Labels a, Labels b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        TreeSet<String> names = new TreeSet<>(a.names());
        names.addAll(b.names());
        for (String n : names) {
            if (!a.has(n)) {
                return -1;
            }
            if (!b.has(n)) {
                return 1;
            }
            int c = a.get(n).compareTo(b.get(n));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
