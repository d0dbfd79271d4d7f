package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.procfs.Unsigned;
import dev.vigil.node.procfs.XfsStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-filesystem XFS statistics from {@code /sys/fs/xfs/<device>/stats/stats}, as node_exporter 1.5
 * reports them (the global {@code /proc/fs/xfs/stat} is not read, as upstream does not). No XFS
 * filesystem mounted means no samples, and a successful collection, as upstream.
 */
public final class XfsCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("xfs", true, context -> new XfsCollector(context.paths()));

    /** One reported counter: its family, and where it is in the stats file. */
    private record Counter(Desc desc, String group, int index) {
        Counter(String name, String help, String group, int index) {
            this(Desc.counter("node_xfs_" + name, help, "device"), group, index);
        }
    }

    private static final List<Counter> COUNTERS = List.of(
            new Counter("extent_allocation_extents_allocated_total", "Number of extents allocated for a filesystem.",
                    "extent_alloc", 0),
            new Counter("extent_allocation_blocks_allocated_total", "Number of blocks allocated for a filesystem.",
                    "extent_alloc", 1),
            new Counter("extent_allocation_extents_freed_total", "Number of extents freed for a filesystem.",
                    "extent_alloc", 2),
            new Counter("extent_allocation_blocks_freed_total", "Number of blocks freed for a filesystem.",
                    "extent_alloc", 3),
            new Counter("allocation_btree_lookups_total", "Number of allocation B-tree lookups for a filesystem.",
                    "abt", 0),
            new Counter("allocation_btree_compares_total", "Number of allocation B-tree compares for a filesystem.",
                    "abt", 1),
            new Counter("allocation_btree_records_inserted_total",
                    "Number of allocation B-tree records inserted for a filesystem.", "abt", 2),
            new Counter("allocation_btree_records_deleted_total",
                    "Number of allocation B-tree records deleted for a filesystem.", "abt", 3),
            new Counter("block_mapping_reads_total", "Number of block map for read operations for a filesystem.",
                    "blk_map", 0),
            new Counter("block_mapping_writes_total", "Number of block map for write operations for a filesystem.",
                    "blk_map", 1),
            new Counter("block_mapping_unmaps_total", "Number of block unmaps (deletes) for a filesystem.",
                    "blk_map", 2),
            new Counter("block_mapping_extent_list_insertions_total",
                    "Number of extent list insertions for a filesystem.", "blk_map", 3),
            new Counter("block_mapping_extent_list_deletions_total",
                    "Number of extent list deletions for a filesystem.", "blk_map", 4),
            new Counter("block_mapping_extent_list_lookups_total", "Number of extent list lookups for a filesystem.",
                    "blk_map", 5),
            new Counter("block_mapping_extent_list_compares_total", "Number of extent list compares for a filesystem.",
                    "blk_map", 6),
            new Counter("block_map_btree_lookups_total", "Number of block map B-tree lookups for a filesystem.",
                    "bmbt", 0),
            new Counter("block_map_btree_compares_total", "Number of block map B-tree compares for a filesystem.",
                    "bmbt", 1),
            new Counter("block_map_btree_records_inserted_total",
                    "Number of block map B-tree records inserted for a filesystem.", "bmbt", 2),
            new Counter("block_map_btree_records_deleted_total",
                    "Number of block map B-tree records deleted for a filesystem.", "bmbt", 3),
            new Counter("directory_operation_lookup_total",
                    "Number of file name directory lookups which miss the operating systems directory name lookup "
                            + "cache.", "dir", 0),
            new Counter("directory_operation_create_total",
                    "Number of times a new directory entry was created for a filesystem.", "dir", 1),
            new Counter("directory_operation_remove_total",
                    "Number of times an existing directory entry was created for a filesystem.", "dir", 2),
            new Counter("directory_operation_getdents_total",
                    "Number of times the directory getdents operation was performed for a filesystem.", "dir", 3),
            new Counter("inode_operation_attempts_total",
                    "Number of times the OS looked for an XFS inode in the inode cache.", "ig", 0),
            new Counter("inode_operation_found_total",
                    "Number of times the OS looked for and found an XFS inode in the inode cache.", "ig", 1),
            new Counter("inode_operation_recycled_total",
                    "Number of times the OS found an XFS inode in the cache, but could not use it as it was being "
                            + "recycled.", "ig", 2),
            new Counter("inode_operation_missed_total",
                    "Number of times the OS looked for an XFS inode in the cache, but did not find it.", "ig", 3),
            new Counter("inode_operation_duplicates_total",
                    "Number of times the OS tried to add a missing XFS inode to the inode cache, but found it had "
                            + "already been added by another process.", "ig", 4),
            new Counter("inode_operation_reclaims_total",
                    "Number of times the OS reclaimed an XFS inode from the inode cache to free memory for another "
                            + "purpose.", "ig", 5),
            new Counter("inode_operation_attribute_changes_total",
                    "Number of times the OS explicitly changed the attributes of an XFS inode.", "ig", 6),
            new Counter("read_calls_total", "Number of read(2) system calls made to files in a filesystem.", "rw", 1),
            new Counter("write_calls_total", "Number of write(2) system calls made to files in a filesystem.", "rw",
                    0),
            new Counter("vnode_active_total", "Number of vnodes not on free lists for a filesystem.", "vnodes", 0),
            new Counter("vnode_allocate_total", "Number of times vn_alloc called for a filesystem.", "vnodes", 1),
            new Counter("vnode_get_total", "Number of times vn_get called for a filesystem.", "vnodes", 2),
            new Counter("vnode_hold_total", "Number of times vn_hold called for a filesystem.", "vnodes", 3),
            new Counter("vnode_release_total", "Number of times vn_rele called for a filesystem.", "vnodes", 4),
            new Counter("vnode_reclaim_total", "Number of times vn_reclaim called for a filesystem.", "vnodes", 5),
            new Counter("vnode_remove_total", "Number of times vn_remove called for a filesystem.", "vnodes", 6));

    private final HostPaths paths;

    public XfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return "xfs";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Path root = paths.sys("fs", "xfs");
        for (String device : KernelFiles.list(root)) {
            Path file = root.resolve(device).resolve("stats").resolve("stats");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            XfsStats stats;
            try {
                stats = XfsStats.parse(KernelFiles.read(file));
            } catch (IllegalArgumentException e) {
                throw new IOException("failed to retrieve XFS stats: " + file + ": " + e.getMessage(), e);
            }
            for (Counter counter : COUNTERS) {
                sink.add(counter.desc(), Unsigned.toDouble(stats.get(counter.group(), counter.index())), device);
            }
        }
    }
}
