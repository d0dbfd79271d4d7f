package dev.vigil.container.collector;

import static dev.vigil.container.collector.Family.counter;
import static dev.vigil.container.collector.Family.gauge;

/**
 * cAdvisor's container families with their exact names and HELP texts
 * ({@code docs/cadvisor-families.md}, sections 3.1 to 3.10), grouped by cAdvisor's metric kinds.
 */
final class Families {
    private Families() {
    }

    // Always on (3.1).
    static final Family LAST_SEEN = gauge("container_last_seen", "Last time a container was seen by the exporter");
    static final Family HEALTH_STATE = gauge("container_health_state", "The result of the container's health check");
    static final Family START_TIME = gauge("container_start_time_seconds",
            "Start time of the container since unix epoch in seconds.");
    static final Family SPEC_CPU_PERIOD = gauge("container_spec_cpu_period", "CPU period of the container.");
    static final Family SPEC_CPU_QUOTA = gauge("container_spec_cpu_quota", "CPU quota of the container.");
    static final Family SPEC_CPU_SHARES = gauge("container_spec_cpu_shares", "CPU share of the container.");
    static final Family SPEC_MEMORY_LIMIT = gauge("container_spec_memory_limit_bytes", "Memory limit for the container.");
    static final Family SPEC_MEMORY_SWAP_LIMIT = gauge("container_spec_memory_swap_limit_bytes",
            "Memory swap limit for the container.");
    static final Family SPEC_MEMORY_RESERVATION = gauge("container_spec_memory_reservation_limit_bytes",
            "Memory reservation limit for the container.");

    // cpu (3.2).
    static final Family CPU_USER = counter("container_cpu_user_seconds_total",
            "Cumulative user cpu time consumed in seconds.");
    static final Family CPU_SYSTEM = counter("container_cpu_system_seconds_total",
            "Cumulative system cpu time consumed in seconds.");
    static final Family CPU_USAGE = counter("container_cpu_usage_seconds_total", "Cumulative cpu time consumed in seconds.",
            "cpu");
    static final Family CFS_PERIODS = counter("container_cpu_cfs_periods_total",
            "Number of elapsed enforcement period intervals.");
    static final Family CFS_THROTTLED_PERIODS = counter("container_cpu_cfs_throttled_periods_total",
            "Number of throttled period intervals.");
    static final Family CFS_THROTTLED_SECONDS = counter("container_cpu_cfs_throttled_seconds_total",
            "Total time duration the container has been throttled.");

    // cpuLoad (3.3): zeros without a load reader, as cAdvisor's default.
    static final Family LOAD_AVERAGE = gauge("container_cpu_load_average_10s",
            "Value of container cpu load average over the last 10 seconds.");
    static final Family TASKS_STATE = gauge("container_tasks_state", "Number of tasks in given state", "state");

    // memory (3.4).
    static final Family MEMORY_USAGE = gauge("container_memory_usage_bytes",
            "Current memory usage in bytes, including all memory regardless of when it was accessed");
    static final Family MEMORY_WORKING_SET = gauge("container_memory_working_set_bytes", "Current working set in bytes.");
    static final Family MEMORY_CACHE = gauge("container_memory_cache", "Number of bytes of page cache memory.");
    static final Family MEMORY_RSS = gauge("container_memory_rss", "Size of RSS in bytes.");
    static final Family MEMORY_MAPPED_FILE = gauge("container_memory_mapped_file", "Size of memory mapped files in bytes.");
    static final Family MEMORY_SWAP = gauge("container_memory_swap", "Container swap usage in bytes.");
    static final Family MEMORY_KERNEL = gauge("container_memory_kernel_usage", "Size of kernel memory allocated in bytes.");
    static final Family MEMORY_MAX_USAGE = gauge("container_memory_max_usage_bytes", "Maximum memory usage recorded in bytes");
    static final Family MEMORY_FAILCNT = counter("container_memory_failcnt", "Number of memory usage hits limits");
    static final Family MEMORY_FAILURES = counter("container_memory_failures_total",
            "Cumulative count of memory allocation failures.", "failure_type", "scope");
    static final Family MEMORY_ACTIVE_FILE = gauge("container_memory_total_active_file_bytes",
            "Current total active file in bytes.");
    static final Family MEMORY_INACTIVE_FILE = gauge("container_memory_total_inactive_file_bytes",
            "Current total inactive file in bytes.");

    // oom_event (3.5).
    static final Family OOM_EVENTS = counter("container_oom_events_total",
            "Count of out of memory events observed for the container");

    // diskIO (3.6).
    static final Family FS_READS_BYTES = counter("container_fs_reads_bytes_total", "Cumulative count of bytes read",
            "device");
    static final Family FS_WRITES_BYTES = counter("container_fs_writes_bytes_total", "Cumulative count of bytes written",
            "device");
    static final Family FS_READS = counter("container_fs_reads_total", "Cumulative count of reads completed", "device");
    static final Family FS_WRITES = counter("container_fs_writes_total", "Cumulative count of writes completed", "device");
    static final Family FS_SECTOR_READS = counter("container_fs_sector_reads_total",
            "Cumulative count of sector reads completed", "device");
    static final Family FS_SECTOR_WRITES = counter("container_fs_sector_writes_total",
            "Cumulative count of sector writes completed", "device");
    static final Family FS_READS_MERGED = counter("container_fs_reads_merged_total", "Cumulative count of reads merged",
            "device");
    static final Family FS_WRITES_MERGED = counter("container_fs_writes_merged_total", "Cumulative count of writes merged",
            "device");
    static final Family FS_READ_SECONDS = counter("container_fs_read_seconds_total",
            "Cumulative count of seconds spent reading", "device");
    static final Family FS_WRITE_SECONDS = counter("container_fs_write_seconds_total",
            "Cumulative count of seconds spent writing", "device");
    static final Family FS_IO_CURRENT = gauge("container_fs_io_current", "Number of I/Os currently in progress", "device");
    static final Family FS_IO_TIME = counter("container_fs_io_time_seconds_total",
            "Cumulative count of seconds spent doing I/Os", "device");
    static final Family FS_IO_TIME_WEIGHTED = counter("container_fs_io_time_weighted_seconds_total",
            "Cumulative weighted I/O time in seconds", "device");
    static final Family BLKIO_DEVICE_USAGE = counter("container_blkio_device_usage_total", "Blkio Device bytes usage",
            "device", "major", "minor", "operation");

    // disk (3.7).
    static final Family FS_LIMIT = gauge("container_fs_limit_bytes",
            "Number of bytes that can be consumed by the container on this filesystem.", "device");
    static final Family FS_USAGE = gauge("container_fs_usage_bytes",
            "Number of bytes that are consumed by the container on this filesystem.", "device");
    static final Family FS_INODES_TOTAL = gauge("container_fs_inodes_total", "Number of Inodes", "device");
    static final Family FS_INODES_FREE = gauge("container_fs_inodes_free", "Number of available Inodes", "device");

    // network (3.8).
    static final Family NET_RX_BYTES = counter("container_network_receive_bytes_total", "Cumulative count of bytes received",
            "interface");
    static final Family NET_RX_PACKETS = counter("container_network_receive_packets_total",
            "Cumulative count of packets received", "interface");
    static final Family NET_RX_ERRORS = counter("container_network_receive_errors_total",
            "Cumulative count of errors encountered while receiving", "interface");
    static final Family NET_RX_DROPPED = counter("container_network_receive_packets_dropped_total",
            "Cumulative count of packets dropped while receiving", "interface");
    static final Family NET_TX_BYTES = counter("container_network_transmit_bytes_total",
            "Cumulative count of bytes transmitted", "interface");
    static final Family NET_TX_PACKETS = counter("container_network_transmit_packets_total",
            "Cumulative count of packets transmitted", "interface");
    static final Family NET_TX_ERRORS = counter("container_network_transmit_errors_total",
            "Cumulative count of errors encountered while transmitting", "interface");
    static final Family NET_TX_DROPPED = counter("container_network_transmit_packets_dropped_total",
            "Cumulative count of packets dropped while transmitting", "interface");

    // process (3.9).
    static final Family PROCESSES = gauge("container_processes", "Number of processes running inside the container.");
    static final Family THREADS = gauge("container_threads", "Number of threads running inside the container");
    static final Family THREADS_MAX = gauge("container_threads_max",
            "Maximum number of threads allowed inside the container, infinity if value is zero");
    static final Family FILE_DESCRIPTORS = gauge("container_file_descriptors",
            "Number of open file descriptors for the container.");
    static final Family ULIMITS_SOFT = gauge("container_ulimits_soft",
            "Soft ulimit values for the container root process. Unlimited if -1, except priority and nice", "ulimit");
    static final Family SOCKETS = gauge("container_sockets", "Number of open sockets for the container.");

    // pressure (3.10), cgroup v2 only.
    static final Family PRESSURE_CPU_WAITING = counter("container_pressure_cpu_waiting_seconds_total",
            "Total time duration tasks in the container have waited due to CPU congestion.");
    static final Family PRESSURE_CPU_STALLED = counter("container_pressure_cpu_stalled_seconds_total",
            "Total time duration no tasks in the container could make progress due to CPU congestion.");
    static final Family PRESSURE_MEMORY_WAITING = counter("container_pressure_memory_waiting_seconds_total",
            "Total time duration tasks in the container have waited due to memory congestion.");
    static final Family PRESSURE_MEMORY_STALLED = counter("container_pressure_memory_stalled_seconds_total",
            "Total time duration no tasks in the container could make progress due to memory congestion.");
    static final Family PRESSURE_IO_WAITING = counter("container_pressure_io_waiting_seconds_total",
            "Total time duration tasks in the container have waited due to IO congestion.");
    static final Family PRESSURE_IO_STALLED = counter("container_pressure_io_stalled_seconds_total",
            "Total time duration no tasks in the container could make progress due to IO congestion.");
}
