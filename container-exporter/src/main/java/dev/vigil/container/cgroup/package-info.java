/**
 * cgroup hierarchies and their files: which mode the host runs (v1, v2, hybrid), where each
 * controller is mounted under {@code --path.sysfs}, which cgroups exist, and readers that turn
 * one cgroup's files into a version-neutral {@code CgroupStats}. Parsers are pure functions over
 * a file's bytes; the code that reads files is apart from them.
 *
 * <ul>
 *   <li>{@link dev.vigil.container.cgroup.CgroupMode#detect} and
 *       {@link dev.vigil.container.cgroup.CgroupMounts#discover}: mode and mounts.</li>
 *   <li>{@link dev.vigil.container.cgroup.CgroupTree#list()}: the cgroup names (cAdvisor's {@code id}).</li>
 *   <li>{@link dev.vigil.container.cgroup.CgroupStatsReader#of} then {@code read(cgroup)}:
 *       {@link dev.vigil.container.cgroup.CgroupStats}, every value absent (an empty Optional) when its
 *       file is; mapping absent values to cAdvisor's zeros is the collectors' job.</li>
 *   <li>Parsers: {@code FlatKeyedFile}, {@code NestedKeyedFile}, {@code SingleValueFile},
 *       {@code PerCpuFile}, {@code BlkioFile}, {@code PressureFile}, {@code MountInfo},
 *       {@code CgroupMembership}. A malformed line is skipped and reported to a
 *       {@link dev.vigil.container.cgroup.SkippedLines} (debug log by default), never thrown.</li>
 * </ul>
 *
 * <p>Hybrid hosts are read as v1, as cAdvisor does: the {@code unified} tree is systemd's and holds
 * no controllers. The source of every field is in the spec ({@code docs/cadvisor-families.md} §3).
 */
package dev.vigil.container.cgroup;
