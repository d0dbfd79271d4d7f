package dev.vigil.node.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelinuxConfigTest {

    /** /etc/selinux/config as RHEL, Fedora and hand edits write it. */
    @ParameterizedTest
    @CsvSource({
        "'# This file controls the state of SELinux on the system.\nSELINUX=enforcing\nSELINUXTYPE=targeted\n', 1",
        "'SELINUX=permissive\n', 0",
        "'SELINUX=disabled\n', -1",
        "'SELINUX=\"enforcing\"\n', 1",
        "'  SELINUX=enforcing  \r\n', 1",
        "'; old style comment\nSELINUX=permissive', 0",
        "'SELINUX = enforcing\n', -1",
        "'SELINUX=Enforcing\n', -1",
        "'SELINUXTYPE=targeted\n', -1",
        "'#SELINUX=enforcing\nSELINUX=permissive\n', 0",
        "'', -1",
    })
    void readsTheConfiguredMode(String config, int mode) {
        assertEquals(mode, SelinuxConfig.configuredMode(config));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "0, 0", "'1\n', -1", "'', -1", "x, -1", "+1, 1"})
    void readsTheCurrentModeAsGoSelinux(String enforce, int mode) {
        assertEquals(mode, SelinuxConfig.currentMode(enforce));
    }

    @Test
    void recognisesTheKernelLabel() {
        assertEquals(true, SelinuxConfig.isKernelLabel("kernel\0"));
        assertEquals(true, SelinuxConfig.isKernelLabel("kernel"));
        assertEquals(false, SelinuxConfig.isKernelLabel("system_u:system_r:kernel_t:s0\0"));
        assertEquals(false, SelinuxConfig.isKernelLabel(""));
    }
}
