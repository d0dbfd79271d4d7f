package dev.vigil.hub.discovery;

import dev.vigil.hub.config.HubConfig;
import java.io.IOException;
import java.util.List;

/**
 * For deploy's tests: the hub's own pod-role discovery (KubernetesTargets.pod, package-private in
 * the hub) applied to a Pod object, so the tests check the shipped hub.yml against the labels the
 * hub really gives a DaemonSet's pod, not against a copy of them.
 */
public final class PodTargetGroups {
    private PodTargetGroups() {
    }

    /** The target groups the hub's pod role makes of a Pod given as JSON. */
    public static List<HubConfig.TargetGroup> of(String podJson) throws IOException {
        return KubernetesTargets.pod(KubernetesJson.parse(podJson), null).flatten();
    }
}
