package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.container.cgroup.CgroupMembership.Line;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CgroupMembershipTest {
    private static final String ID = "3f4e1a5b2c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f";

    @Test
    void v1LinesPerHierarchy() {
        CgroupMembership m = CgroupMembership.parse(
                "12:cpu,cpuacct:/docker/" + ID + "\n9:memory:/docker/" + ID + "\n1:name=systemd:/docker/" + ID + "\n");
        assertEquals(new Line(12, List.of("cpu", "cpuacct"), "/docker/" + ID), m.lines().get(0));
        assertEquals(Optional.of("/docker/" + ID), m.v1Path("cpuacct"));
        assertEquals(Optional.of("/docker/" + ID), m.v1Path("name=systemd"));
        assertEquals(Optional.empty(), m.v1Path("pids"));
        assertEquals(Optional.empty(), m.unifiedPath());
    }

    @Test
    void v2SingleLine() {
        CgroupMembership m = CgroupMembership.parse("0::/system.slice/docker-" + ID + ".scope\n");
        assertEquals(List.of(new Line(0, List.of(), "/system.slice/docker-" + ID + ".scope")), m.lines());
        assertEquals(Optional.of("/system.slice/docker-" + ID + ".scope"), m.unifiedPath());
    }

    @Test
    void hybridHasBoth() {
        CgroupMembership m = CgroupMembership.parse("4:memory:/process_api/x\n1:cpu:/\n0::/\n");
        assertEquals(Optional.of("/process_api/x"), m.v1Path("memory"));
        assertEquals(Optional.of("/"), m.unifiedPath());
    }

    @Test
    void pathMayContainColons() {
        assertEquals(Optional.of("/a:b"), CgroupMembership.parse("0::/a:b\n").unifiedPath());
    }

    @Test
    void skipsMalformedLinesWithAReason() {
        Fixtures.Skips skips = new Fixtures.Skips();
        CgroupMembership m = CgroupMembership.parse("nonsense\nx:cpu:/\n2:cpu:relative\n0::/ok\n", skips);
        assertEquals(List.of(new Line(0, List.of(), "/ok")), m.lines());
        assertEquals(List.of("expected hierarchy-ID:controller-list:path", "hierarchy id 'x' is not a number",
                "path 'relative' is not absolute"), skips.reasons);
    }
}
