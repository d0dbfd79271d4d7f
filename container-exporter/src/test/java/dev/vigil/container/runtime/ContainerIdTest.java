package dev.vigil.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerIdTest {
    private static final String ID = "8dfafdbc3a40a4f1a2a2d3bd1fd2c5b6c8a6bf0cb3a1a6f7c2f1e6b0d9c8a7b6";
    private static final String UID = "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
    private static final String UID_ = "0f1e2d3c_4b5a_6978_8a9b_0c1d2e3f4a5b";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # cgroup path                                                                        | runtime    | id                       | pod uid
        /docker/ID                                                                           | DOCKER     | ID                       | -
        /docker/ID/                                                                          | DOCKER     | ID                       | -
        /system.slice/docker-ID.scope                                                        | DOCKER     | ID                       | -
        /kubepods/podUID/ID                                                                  | CONTAINERD | ID                       | UID
        /kubepods/burstable/podUID/ID                                                        | CONTAINERD | ID                       | UID
        /kubepods/besteffort/podUID/ID                                                       | CONTAINERD | ID                       | UID
        /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podUID_.slice/cri-containerd-ID.scope | CONTAINERD | ID | UID
        /kubepods.slice/kubepods-podUID_.slice/cri-containerd-ID.scope                       | CONTAINERD | ID                       | UID
        /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-podUID_.slice/crio-ID.scope | CRIO  | ID                       | UID
        /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-podUID_.slice/crio-conmon-ID.scope | RAW | /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-podUID_.slice/crio-conmon-ID.scope | UID
        /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podUID_.slice/docker-ID.scope | DOCKER | ID                      | UID
        /machine.slice/libpod-ID.scope                                                       | PODMAN     | ID                       | -
        /machine.slice/libpod-conmon-ID.scope                                                | RAW        | /machine.slice/libpod-conmon-ID.scope | -
        /user.slice/user-1000.slice/user@1000.service/user.slice/libpod-ID.scope             | PODMAN     | ID                       | -
        /libpod_parent/libpod-ID                                                             | PODMAN     | ID                       | -
        /system.slice/sshd.service                                                           | SYSTEMD    | sshd.service             | -
        /system.slice/docker.service                                                         | SYSTEMD    | docker.service           | -
        /user.slice/user-1000.slice/session-2.scope                                          | SYSTEMD    | session-2.scope          | -
        /init.scope                                                                          | SYSTEMD    | init.scope               | -
        /system.slice                                                                        | SYSTEMD    | system.slice             | -
        /system.slice/var-lib-docker-overlay2-ID-merged.mount                                | SYSTEMD    | var-lib-docker-overlay2-ID-merged.mount | -
        /                                                                                    | RAW        | /                        | -
        /kubepods                                                                            | RAW        | /kubepods                | -
        /kubepods/burstable/podUID                                                           | RAW        | /kubepods/burstable/podUID | UID
        /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podUID_.slice             | RAW        | /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podUID_.slice | UID
        /docker                                                                              | RAW        | /docker                  | -
        /docker/abc123                                                                       | RAW        | /docker/abc123           | -
        /system.slice/docker-abc.scope                                                       | SYSTEMD    | docker-abc.scope         | -
        """)
    void namesRuntimeIdAndPod(String path, Runtime runtime, String id, String podUid) {
        ContainerId parsed = ContainerId.fromCgroup(expand(path));
        assertEquals(new ContainerId(runtime, expand(id), Optional.ofNullable(podUid).map(ContainerIdTest::expand)),
                parsed);
    }

    @Test
    void blankOrRelativePathsAreNormalised() {
        assertEquals(new ContainerId(Runtime.RAW, "/", Optional.empty()), ContainerId.fromCgroup(""));
        assertEquals(new ContainerId(Runtime.DOCKER, ID, Optional.empty()), ContainerId.fromCgroup("docker/" + ID));
    }

    @Test
    void uppercaseHexIsNotAnId() {
        assertEquals(Runtime.RAW, ContainerId.fromCgroup("/docker/" + ID.toUpperCase()).runtime());
    }

    private static String expand(String template) {
        return template.replace("UID_", UID_).replace("UID", UID).replace("ID", ID);
    }

    @Test
    void podCgroupIsThePodsOwnCgroupOnly() {
        String uid = "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
        assertEquals(Optional.of(uid), ContainerId.podCgroupUid("/kubepods/burstable/pod" + uid));
        assertEquals(Optional.of(uid), ContainerId.podCgroupUid("/kubepods/pod" + uid + "/"));
        assertEquals(Optional.of(uid), ContainerId.podCgroupUid(
                "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + uid.replace('-', '_') + ".slice"));
        assertEquals(Optional.of(uid), ContainerId.podCgroupUid("/kubepods.slice/kubepods-pod" + uid.replace('-', '_')
                + ".slice"));
        assertEquals(Optional.empty(), ContainerId.podCgroupUid("/kubepods/burstable/pod" + uid + "/" + "a".repeat(64)),
                "a container in the pod");
        assertEquals(Optional.empty(), ContainerId.podCgroupUid("/kubepods/burstable"));
        assertEquals(Optional.empty(), ContainerId.podCgroupUid("/"));
    }
}
