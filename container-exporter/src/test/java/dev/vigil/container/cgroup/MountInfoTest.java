package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoTest {

    @Test
    void parsesCgroupMountsWithAndWithoutOptionalFields() {
        String text = """
                31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
                32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:9 - cgroup cgroup rw,cpu,cpuacct
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime shared:5 master:1 - cgroup2 cgroup2 rw,nsdelegate
                50 22 0:40 /docker/abc /sys/fs/cgroup/memory ro - cgroup cgroup ro,memory
                """;
        assertEquals(List.of(
                new MountInfo("/", "/sys/fs/cgroup", "tmpfs", "rw,mode=755", "0:28", "tmpfs"),
                new MountInfo("/", "/sys/fs/cgroup/cpu,cpuacct", "cgroup", "rw,cpu,cpuacct", "0:29", "cgroup"),
                new MountInfo("/", "/sys/fs/cgroup/unified", "cgroup2", "rw,nsdelegate", "0:38", "cgroup2"),
                new MountInfo("/docker/abc", "/sys/fs/cgroup/memory", "cgroup", "ro,memory", "0:40", "cgroup")),
                MountInfo.parse(text));
    }

    @Test
    void decodesOctalEscapesInPaths() {
        assertEquals("/mnt/my cgroup\\x", MountInfo.parse(
                "60 22 0:41 / /mnt/my\\040cgroup\\134x rw - cgroup cgroup rw,pids\n").get(0).mountPoint());
        assertEquals("/a\\9", MountInfo.unescape("/a\\9"));
    }

    @Test
    void skipsMalformedLinesWithAReason() {
        Fixtures.Skips skips = new Fixtures.Skips();
        List<MountInfo> mounts = MountInfo.parse("""
                garbage
                1 2 0:1 / /x rw shared:1 cgroup cgroup rw,cpu extra
                3 2 0:1 / /y rw - cgroup
                39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
                """, skips);
        assertEquals(List.of(new MountInfo("/", "/sys/fs/cgroup/pids", "cgroup", "rw,pids", "0:36", "cgroup")), mounts);
        assertEquals(3, skips.reasons.size());
        assertEquals("expected at least 6 fields, optional fields, '-', fs type, source, super options",
                skips.reasons.get(0));
    }
}
