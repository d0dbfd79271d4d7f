package dev.vigil.container.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.container.cgroup.MountInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockFilesystemsTest {

    @Test
    void diskFilesystemsOncePerDevice() {
        String table = String.join("\n",
                "22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw",
                "23 22 0:21 / /proc rw,nosuid shared:12 - proc proc rw",
                "24 22 0:5 / /dev rw,nosuid shared:2 - devtmpfs udev rw,size=10240k",
                "25 22 0:23 / /run rw,nosuid shared:5 - tmpfs tmpfs rw,size=2468412k",
                "26 22 8:17 / /data rw,relatime shared:30 - xfs /dev/sdb1 rw,attr2",
                "27 22 254:0 /var/lib/docker /var/lib/docker rw,relatime shared:1 - ext4 /dev/vda rw",
                "28 22 0:45 / /mnt/share rw,relatime shared:40 - nfs4 server:/export rw,vers=4.2",
                "29 22 0:50 / /tank/data rw,noatime shared:41 - zfs tank/data rw,xattr",
                "30 22 8:33 / /mnt/my\\040disk rw,relatime shared:42 - ext3 /dev/sdc1 rw",
                "31 22 0:60 / /var/lib/docker/overlay2/x/merged rw shared:50 - overlay overlay rw,lowerdir=/a",
                "32 22 7:0 / /snap/core/1 ro,nodev shared:60 - squashfs /dev/loop0 ro");
        assertEquals(List.of(
                new BlockFilesystems.Filesystem("/dev/vda", new DeviceNumber(254, 0), "/"),
                new BlockFilesystems.Filesystem("/dev/sdb1", new DeviceNumber(8, 17), "/data"),
                new BlockFilesystems.Filesystem("tank/data", new DeviceNumber(0, 50), "/tank/data"),
                new BlockFilesystems.Filesystem("/dev/sdc1", new DeviceNumber(8, 33), "/mnt/my disk")),
                BlockFilesystems.of(MountInfo.parse(table)));
    }

    @Test
    void theFixtureHostsRootDisk() throws Exception {
        String table = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/fixtures/cgroup/v1/proc/self/mountinfo"));
        assertEquals("/dev/vda", BlockFilesystems.of(MountInfo.parse(table)).get(0).source());
    }
}
