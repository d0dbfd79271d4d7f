package dev.vigil.container.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container's runtime labels as {@code container_label_*} Prometheus labels (spec §2.1), the way
 * cAdvisor's {@code --store_container_labels} and {@code --whitelisted_container_labels} choose them.
 */
public final class ContainerLabels {
    public static final String PREFIX = "container_label_";

    private ContainerLabels() {
    }

    /**
     * Which runtime labels become Prometheus labels: all of them ({@code storeAll}, cAdvisor's default), or
     * only the raw names in {@code allowList} (cAdvisor: {@code --store_container_labels=false}).
     */
    public record Policy(boolean storeAll, Set<String> allowList) {
        public Policy {
            allowList = Set.copyOf(allowList);
        }

        public static Policy all() {
            return new Policy(true, Set.of());
        }

        /** From cAdvisor's two flags; the allow-list is comma separated and only counts when storeAll is off. */
        public static Policy fromFlags(boolean storeContainerLabels, List<String> whitelisted) {
            List<String> names = new ArrayList<>();
            for (String entry : whitelisted) {
                for (String name : entry.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
            return new Policy(storeContainerLabels, Set.copyOf(names));
        }

        boolean allows(String rawName) {
            return storeAll || allowList.contains(rawName);
        }
    }

    /** {@code container_label_} + the raw name, every character outside {@code [a-zA-Z0-9_]} made {@code _}. */
    public static String sanitize(String rawName) {
        String full = PREFIX + rawName;
        StringBuilder out = new StringBuilder(full.length());
        // Per code point, as Go's regexp replaces per rune: an emoji becomes one '_', not two.
        full.codePoints().forEach(c -> {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            out.append(ok ? (char) c : '_');
        });
        return out.toString();
    }

    /**
     * The Prometheus labels for one container, sorted by name. When two raw names sanitise alike, the
     * lexicographically smallest raw name wins (cAdvisor keeps an arbitrary one; we stay deterministic).
     */
    public static SortedMap<String, String> toPrometheus(Map<String, String> labels, Policy policy) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            if (policy.allows(label.getKey())) {
                out.putIfAbsent(sanitize(label.getKey()), label.getValue() == null ? "" : label.getValue());
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
