package dev.vigil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.vigil.alerting.am.config.AlertmanagerConfig;
import dev.vigil.alerting.rules.RuleFileLoader;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.hub.config.KubernetesSdConfig;
import dev.vigil.hub.discovery.PodTargetGroups;
import dev.vigil.hub.scrape.ScrapeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hub ConfigMap of each mode, loaded by the hub's own loaders (hub.yml by the prometheus.yml
 * loader, rules.yml by the rule loader, alertmanager.yml by the Alertmanager config loader), and
 * its kubernetes_sd jobs run on the pods the DaemonSets make: a pod built from each DaemonSet's
 * template goes through the hub's pod-role discovery and each job's relabeling, and must come out
 * as exactly one target, in its exporter's job only, at the node's IP and the exporter's port.
 */
class HubConfigTest {
    static final String NODE_IP = "10.0.0.7";
    static final Map<String, String> JOBS = Map.of("node-exporter", "vigil-node-exporter",
            "container-exporter", "vigil-container-exporter", "jvm-exporter", "vigil-jvm-exporter");

    @TempDir
    Path etc;

    HubConfig load(String mode) throws Exception {
        Map<String, Object> data = Yaml.map(Manifests.get(mode, "ConfigMap", "vigil-hub-config").object(), "data");
        assertEquals(List.of("hub.yml", "rules.yml", "alertmanager.yml"), List.copyOf(data.keySet()));
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Files.writeString(etc.resolve(e.getKey()), (String) e.getValue());
        }
        return ConfigLoader.load(etc.resolve("hub.yml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "kube-rbac-proxy"})
    void configMapLoadsWithTheHubsLoaders(String mode) throws Exception {
        HubConfig config = load(mode);
        assertEquals(List.of("vigil-hub", "node-exporter", "container-exporter", "jvm-exporter"),
                config.scrapeConfigs().stream().map(HubConfig.ScrapeConfig::jobName).toList());
        assertEquals(List.of(etc.resolve("rules.yml").toString()), config.ruleFiles());
        RuleFileLoader.Result rules = RuleFileLoader.load(etc.resolve("rules.yml"));
        assertEquals(List.of(), rules.errors());
        assertEquals(3, rules.ruleCount());
        AlertmanagerConfig am = dev.vigil.alerting.am.config.ConfigLoader.load(etc.resolve("alertmanager.yml"));
        assertTrue(am != null);

        Map<String, Object> hubPod = Yaml.map(Manifests.get(mode, "StatefulSet", "vigil-hub").object(),
                "spec", "template", "spec");
        for (HubConfig.ScrapeConfig job : config.scrapeConfigs().subList(1, 4)) {
            assertEquals("https", job.scheme(), job.jobName());
            assertTrue(job.http().tls().insecureSkipVerify(), job.jobName());
            Path token = job.http().authorization().credentialsFile();
            if (mode.equals("native")) {
                // the Secret vigil-hub-scrape's key "token", mounted by the StatefulSet
                Map<String, Object> mount = Yaml.named(Yaml.list(Yaml.named(Yaml.list(hubPod, "containers"), "hub"),
                        "volumeMounts"), "scrape-credentials");
                assertEquals(Path.of(Yaml.str(mount, "mountPath"), "token"), token);
                assertEquals("vigil-hub-scrape", Yaml.str(Yaml.named(Yaml.list(hubPod, "volumes"),
                        "scrape-credentials"), "secret", "secretName"));
            } else {
                assertEquals(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"), token);
                assertEquals(true, hubPod.get("automountServiceAccountToken"));
            }
            KubernetesSdConfig sd = job.kubernetesSdConfigs().get(0);
            assertEquals(KubernetesSdConfig.Role.POD, sd.role());
            assertTrue(sd.ownNamespace(), "follows kustomize's namespace");
            assertEquals("app.kubernetes.io/name=" + JOBS.get(job.jobName()), sd.selector("pod").label());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "kube-rbac-proxy"})
    void eachDaemonSetsPodIsOneTargetOfItsOwnJob(String mode) throws Exception {
        HubConfig config = load(mode);
        for (String exporter : Manifests.EXPORTERS) {
            Manifests.Doc ds = Manifests.daemonSet(mode, exporter);
            var groups = PodTargetGroups.of(podJson(ds));
            int port = DaemonSetConventionsTest.PORTS.get(exporter);
            for (HubConfig.ScrapeConfig job : config.scrapeConfigs().subList(1, 4)) {
                List<ScrapeTarget> active = ScrapeTarget.of(job, groups).active();
                if (!job.jobName().equals(exporter)) {
                    assertEquals(List.of(), active, ds + " must not be scraped by job " + job.jobName());
                    continue;
                }
                assertEquals(1, active.size(), ds + " in job " + job.jobName() + ": " + active);
                ScrapeTarget t = active.get(0);
                assertEquals("https://" + NODE_IP + ":" + port + "/metrics", t.url().toString());
                assertEquals("node-1", t.labels().get("instance"));
                assertEquals("node-1", t.labels().get("node"));
                assertEquals(exporter, t.labels().get("job"));
                assertEquals("vigil", t.labels().get("namespace"));
            }
        }
    }

    /** The pod a DaemonSet's controller makes on node-1, running (hostNetwork: the pod IP is the node's). */
    static String podJson(Manifests.Doc ds) {
        Map<String, Object> template = Yaml.map(ds.object(), "spec", "template");
        Map<String, Object> metadata = new LinkedHashMap<>(Yaml.map(template, "metadata"));
        metadata.put("name", ds.name() + "-x7k2p");
        metadata.put("namespace", "vigil");
        Map<String, Object> spec = new LinkedHashMap<>(Yaml.map(template, "spec"));
        spec.put("nodeName", "node-1");
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", metadata);
        pod.put("spec", spec);
        pod.put("status", Map.of("phase", "Running", "podIP", NODE_IP, "hostIP", NODE_IP));
        return new Gson().toJson(pod);
    }
}
