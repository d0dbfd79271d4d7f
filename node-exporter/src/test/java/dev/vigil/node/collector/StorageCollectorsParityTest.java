package dev.vigil.node.collector;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** All storage collectors at once over the fixtures, success flags included, against node_exporter 1.5. */
class StorageCollectorsParityTest {

    @Test
    void allStorageCollectorsTogether() throws Exception {
        List<String> args = Args.fixtureCollectors(List.of("bcache", "btrfs", "diskstats", "fibrechannel", "mdadm",
                "mountstats", "nfs", "nfsd", "nvme", "tapestats", "xfs", "zfs"));
        Parity.of("node_bcache_", "node_btrfs_", "node_disk_", "node_fibrechannel_", "node_md_", "node_mountstats_",
                "node_nfs_", "node_nfsd_", "node_nvme_", "node_tape_", "node_xfs_", "node_zfs_",
                "node_scrape_collector_success").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
