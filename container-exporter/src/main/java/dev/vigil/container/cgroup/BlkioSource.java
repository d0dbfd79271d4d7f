package dev.vigil.container.cgroup;

/**
 * Which v1 blkio files hold a cgroup's I/O counts, in runc's order of preference: the first group
 * whose first file has at least one device line wins (an empty file, or only {@code Total 0}, moves
 * on, as runc does). Modern kernels without CFQ end at the throttle files.
 */
enum BlkioSource {
    BFQ_DEBUG("blkio.bfq.sectors_recursive", "blkio.bfq.io_serviced_recursive", "blkio.bfq.io_service_bytes_recursive"),
    BFQ("blkio.bfq.io_serviced_recursive", "blkio.bfq.io_serviced_recursive", "blkio.bfq.io_service_bytes_recursive"),
    CFQ("blkio.sectors_recursive", "blkio.io_serviced_recursive", "blkio.io_service_bytes_recursive"),
    THROTTLE_RECURSIVE("blkio.throttle.io_serviced_recursive", "blkio.throttle.io_serviced_recursive",
            "blkio.throttle.io_service_bytes_recursive"),
    THROTTLE("blkio.throttle.io_serviced", "blkio.throttle.io_serviced", "blkio.throttle.io_service_bytes");

    final String firstFile;
    final String servicedFile;
    final String bytesFile;

    BlkioSource(String firstFile, String servicedFile, String bytesFile) {
        this.firstFile = firstFile;
        this.servicedFile = servicedFile;
        this.bytesFile = bytesFile;
    }
}
