package dev.vigil.container.collector;

import dev.vigil.container.runtime.ContainerLabels;
import dev.vigil.container.runtime.ContainerMetadata;
import dev.vigil.container.runtime.KubernetesRef;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The base labels every container sample carries (spec 2.1, 2.2): cAdvisor's {@code id, image,
 * name} plus {@code container_label_*} (the union over the scrape's containers, {@code ""} where a
 * container lacks one), or the kubelet's {@code container, id, image, name, namespace, pod}.
 * Names are sorted, as client_golang writes them.
 */
public enum LabelScheme {
    CADVISOR, KUBELET;

    public static LabelScheme named(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--container.label-scheme: unknown scheme '" + value
                    + "' (cadvisor or kubelet)");
        }
    }

    /**
     * One container's base labels, sanitized runtime labels included.
     *
     * @param kubernetes the container's pod and names; for a pod's own cgroup, the pod (container {@code ""})
     */
    record Row(String id, Optional<ContainerMetadata> meta, SortedMap<String, String> runtimeLabels,
            Optional<KubernetesRef> kubernetes) {

        /** This row as a pod cgroup's: the kubelet names it by its pod ({@code GetPodByCgroupfs}). */
        Row withPod(KubernetesRef pod) {
            return new Row(id, meta, runtimeLabels, Optional.of(new KubernetesRef(pod.pod(), pod.namespace(), "",
                    pod.podUid())));
        }
    }

    /** The base label names of a scrape whose containers are {@code rows}. */
    List<String> names(Collection<Row> rows) {
        if (this == KUBELET) {
            return List.of("container", "id", "image", "name", "namespace", "pod");
        }
        TreeSet<String> names = new TreeSet<>(List.of("id", "image", "name"));
        for (Row row : rows) {
            names.addAll(row.runtimeLabels().keySet());
        }
        return List.copyOf(names);
    }

    /** A container's values for {@code names}, in their order. */
    String[] values(List<String> names, Row row) {
        String[] values = new String[names.size()];
        ContainerMetadata meta = row.meta().orElse(null);
        Optional<KubernetesRef> kube = row.kubernetes();
        for (int i = 0; i < values.length; i++) {
            String n = names.get(i);
            values[i] = switch (n) {
                case "id" -> row.id();
                case "name" -> meta == null ? "" : meta.name();
                case "image" -> meta == null ? "" : meta.image();
                case "container" -> kube.map(KubernetesRef::container).orElse("");
                case "pod" -> kube.map(KubernetesRef::pod).orElse("");
                case "namespace" -> kube.map(KubernetesRef::namespace).orElse("");
                default -> row.runtimeLabels().getOrDefault(n, "");
            };
        }
        return values;
    }

    /** A row for a cgroup: runtime labels only in the cAdvisor scheme (the kubelet exports none). */
    Row row(String id, Optional<ContainerMetadata> meta, ContainerLabels.Policy policy) {
        SortedMap<String, String> labels = this == CADVISOR && meta.isPresent()
                ? ContainerLabels.toPrometheus(meta.get().labels(), policy)
                : new java.util.TreeMap<>();
        return new Row(id, meta, labels, meta.flatMap(ContainerMetadata::kubernetes));
    }

    /** The extra values followed by the base values, as {@link Family#desc} orders label names. */
    static String[] join(String[] extra, String[] base) {
        if (extra.length == 0) {
            return base;
        }
        String[] all = new String[extra.length + base.length];
        System.arraycopy(extra, 0, all, 0, extra.length);
        System.arraycopy(base, 0, all, extra.length, base.length);
        return all;
    }
}
