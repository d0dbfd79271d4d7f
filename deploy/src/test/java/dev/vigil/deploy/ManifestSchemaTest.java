package dev.vigil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every object in deploy/kubernetes validated offline against the Kubernetes API schema: the
 * generated models of client-java (the 1.32 API) reject unknown fields, wrong types and missing
 * required fields, as the API server's strict field validation does for kubectl apply.
 */
class ManifestSchemaTest {
    /** A validator per apiVersion/kind we ship. */
    interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    static final Map<String, Validator> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("v1/Namespace", V1Namespace::validateJsonElement);
        SCHEMA.put("v1/ServiceAccount", V1ServiceAccount::validateJsonElement);
        SCHEMA.put("v1/Service", V1Service::validateJsonElement);
        SCHEMA.put("v1/ConfigMap", V1ConfigMap::validateJsonElement);
        SCHEMA.put("v1/Secret", V1Secret::validateJsonElement);
        SCHEMA.put("apps/v1/DaemonSet", V1DaemonSet::validateJsonElement);
        SCHEMA.put("apps/v1/StatefulSet", V1StatefulSet::validateJsonElement);
        SCHEMA.put("rbac.authorization.k8s.io/v1/ClusterRole", V1ClusterRole::validateJsonElement);
        SCHEMA.put("rbac.authorization.k8s.io/v1/ClusterRoleBinding", V1ClusterRoleBinding::validateJsonElement);
    }

    static void validate(Map<String, Object> object) throws IOException {
        String key = object.get("apiVersion") + "/" + object.get("kind");
        Validator v = SCHEMA.get(key);
        if (v == null) {
            throw new IOException("no schema for " + key + " (a kind this test does not know, or a wrong apiVersion)");
        }
        try {
            v.validate(new Gson().toJsonTree(object));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The models throw these for unknown fields, missing required ones and wrong types.
            throw new IOException(key + ": " + e.getMessage(), e);
        }
    }

    @Test
    void everyManifestIsValidAgainstItsKindsSchema() {
        List<Manifests.Doc> docs = Manifests.all();
        Set<String> kinds = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Manifests.Doc doc : docs) {
            kinds.add(doc.kind());
            try {
                validate(doc.object());
            } catch (IOException e) {
                failures.add(doc + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(Set.of("ClusterRole", "ClusterRoleBinding", "ConfigMap", "DaemonSet", "Namespace", "Service",
                "ServiceAccount", "StatefulSet"), kinds);
        assertEquals(6, docs.stream().filter(d -> d.kind().equals("DaemonSet")).count(), "3 exporters x 2 modes");
    }

    @Test
    void aTypoedFieldIsRejected() {
        Map<String, Object> ds = Manifests.daemonSet("native", "node-exporter").object();
        Map<String, Object> mount = Yaml.map(Yaml.list(Yaml.named(Yaml.list(ds, "spec", "template", "spec",
                "containers"), "node-exporter"), "volumeMounts").get(0));
        assertNotNull(mount.remove("mountPropagation"));
        mount.put("mountPropogation", "HostToContainer");
        IOException e = assertThrows(IOException.class, () -> validate(ds));
        assertTrue(e.getMessage().contains("mountPropogation"), e.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsRejected() {
        Map<String, Object> ds = Manifests.daemonSet("kube-rbac-proxy", "jvm-exporter").object();
        assertNotNull(Yaml.map(ds, "spec").remove("selector"));
        IOException e = assertThrows(IOException.class, () -> validate(ds));
        assertTrue(e.getMessage().contains("selector"), e.getMessage());
    }

    @Test
    void aWrongTypeIsRejected() {
        Map<String, Object> sts = Manifests.get("native", "StatefulSet", "vigil-hub").object();
        Yaml.named(Yaml.list(sts, "spec", "template", "spec", "containers"), "hub").put("args", "--config.file=x");
        IOException e = assertThrows(IOException.class, () -> validate(sts));
        assertTrue(e.getMessage().contains("args"), e.getMessage());
    }

    @Test
    void anUnknownKindIsNotWavedThrough() {
        Map<String, Object> ds = Manifests.daemonSet("native", "node-exporter").object();
        ds.put("apiVersion", "extensions/v1beta1");
        assertThrows(IOException.class, () -> validate(ds));
        assertFalse(SCHEMA.containsKey("extensions/v1beta1/DaemonSet"));
    }
}
