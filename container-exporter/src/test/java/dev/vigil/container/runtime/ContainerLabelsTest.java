package dev.vigil.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerLabelsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        com.docker.compose.project      | container_label_com_docker_compose_project
        io.kubernetes.pod.name          | container_label_io_kubernetes_pod_name
        maintainer                      | container_label_maintainer
        org.opencontainers.image/ref-name | container_label_org_opencontainers_image_ref_name
        Äpfel:x                         | container_label__pfel_x
        team🚀x                     | container_label_team_x
        9lives                          | container_label_9lives
        """)
    void sanitisesLikeCadvisor(String raw, String expected) {
        assertEquals(expected, ContainerLabels.sanitize(raw));
    }

    @Test
    void storesAllLabelsSortedWithValuesUntouched() {
        Map<String, String> out = ContainerLabels.toPrometheus(
                Map.of("com.docker.compose.service", "web", "maintainer", "NGINX \"Docker\" Maintainers"),
                ContainerLabels.Policy.all());
        assertEquals(List.of("container_label_com_docker_compose_service", "container_label_maintainer"),
                List.copyOf(out.keySet()));
        assertEquals("NGINX \"Docker\" Maintainers", out.get("container_label_maintainer"));
    }

    @Test
    void allowListOnlyWhenStoreIsOff() {
        Map<String, String> labels = Map.of("a.b", "1", "c", "2", "d", "3");
        ContainerLabels.Policy off = ContainerLabels.Policy.fromFlags(false, List.of("a.b, c", "zzz"));
        assertEquals(Map.of("container_label_a_b", "1", "container_label_c", "2"),
                ContainerLabels.toPrometheus(labels, off));
        // cAdvisor ignores the allow-list while every label is stored.
        ContainerLabels.Policy on = ContainerLabels.Policy.fromFlags(true, List.of("a.b"));
        assertEquals(3, ContainerLabels.toPrometheus(labels, on).size());
        assertEquals(Map.of(), ContainerLabels.toPrometheus(labels, new ContainerLabels.Policy(false, Set.of())));
    }

    @Test
    void collidingNamesKeepTheSmallestRawName() {
        Map<String, String> out = ContainerLabels.toPrometheus(Map.of("a-b", "dash", "a.b", "dot", "a_b", "under"),
                ContainerLabels.Policy.all());
        assertEquals(Map.of("container_label_a_b", "dash"), out); // '-' < '.' < '_'
    }
}
