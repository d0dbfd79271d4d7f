package dev.vigil.alerting.am.notify;

import dev.vigil.alerting.am.alert.AmAlert;
import dev.vigil.alerting.template.GoTime;
import dev.vigil.model.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager 0.25's {@code template.Data}: what notification templates and the webhook payload
 * see. Method names follow Go's fields ({@code .Receiver}, {@code .Alerts.Firing},
 * {@code .CommonLabels.SortedPairs}); the template engine finds them by name.
 */
public record TemplateData(String receiver, String status, Alerts alerts, KV groupLabels, KV commonLabels,
                           KV commonAnnotations, String externalURL) {

    /**
     * {@code Template.Data}: the receiver name regexp-quoted (as Alertmanager does), "firing" if any
     * alert fires at {@code now}, labels and annotations common to all alerts.
     */
    public static TemplateData of(String receiver, Labels groupLabels, List<AmAlert> in, String externalURL,
            Instant now) {
        Alerts alerts = new Alerts();
        boolean firing = false;
        for (AmAlert a : in) {
            boolean resolved = a.resolvedAt(now);
            firing |= !resolved;
            alerts.add(new Alert(resolved ? "resolved" : "firing", new KV(a.labels().toMap()),
                    new KV(a.annotations()), new GoTime(a.startsAt()),
                    new GoTime(resolved ? a.endsAt() : AmAlert.ZERO), a.generatorURL(), a.fingerprintString()));
        }
        KV common = new KV(Map.of());
        KV commonAnnotations = new KV(Map.of());
        if (!in.isEmpty()) {
            common = new KV(in.get(0).labels().toMap());
            commonAnnotations = new KV(in.get(0).annotations());
            for (AmAlert a : in.subList(1, in.size())) {
                common.entrySet().removeIf(e -> !e.getValue().equals(a.labels().get(e.getKey()))
                        || !a.labels().has(e.getKey()));
                commonAnnotations.entrySet().removeIf(e -> !e.getValue().equals(a.annotations().get(e.getKey())));
            }
        }
        return new TemplateData(quoteMeta(receiver), firing ? "firing" : "resolved", alerts,
                new KV(groupLabels.toMap()), common, commonAnnotations, externalURL);
    }

    /** Go's {@code regexp.QuoteMeta}. */
    static String quoteMeta(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** One alert as templates see it. {@code endsAt} is zero while it fires. */
    public record Alert(String status, KV labels, KV annotations, GoTime startsAt, GoTime endsAt,
                        String generatorURL, String fingerprint) {
    }

    /** {@code template.Alerts}: a list with {@code .Firing} and {@code .Resolved}. */
    public static final class Alerts extends ArrayList<Alert> {
        public Alerts() {
        }

        public Alerts(List<Alert> alerts) {
            super(alerts);
        }

        public Alerts firing() {
            return new Alerts(stream().filter(a -> a.status().equals("firing")).toList());
        }

        public Alerts resolved() {
            return new Alerts(stream().filter(a -> a.status().equals("resolved")).toList());
        }
    }

    /** {@code template.Pair}. */
    public record Pair(String name, String value) {
    }

    /** {@code template.Pairs}: {@code .Names}, {@code .Values}, and printed as {@code a=1, b=2}. */
    public static final class Pairs extends ArrayList<Pair> {
        public List<String> names() {
            return stream().map(Pair::name).toList();
        }

        public List<String> values() {
            return stream().map(Pair::value).toList();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (Pair p : this) {
                if (!out.isEmpty()) {
                    out.append(", ");
                }
                out.append(p.name()).append('=').append(p.value());
            }
            return out.toString();
        }
    }

    /** {@code template.KV}: a sorted map with {@code .SortedPairs} (alertname first), {@code .Remove}, ... */
    public static final class KV extends TreeMap<String, String> {
        public KV(Map<String, String> m) {
            super(m);
        }

        public Pairs sortedPairs() {
            Pairs out = new Pairs();
            String name = get("alertname");
            if (name != null) {
                out.add(new Pair("alertname", name));
            }
            forEach((k, v) -> {
                if (!k.equals("alertname")) {
                    out.add(new Pair(k, v));
                }
            });
            return out;
        }

        public List<String> names() {
            return sortedPairs().names();
        }

        public List<String> values() {
            return sortedPairs().values();
        }

        public KV remove(List<String> keys) {
            KV out = new KV(this);
            keys.forEach(out.keySet()::remove);
            return out;
        }
    }
}
