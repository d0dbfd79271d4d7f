/**
 * cgroup hierarchies and their files: which mode the host runs (v1, v2, hybrid), where each
 * controller is mounted under {@code --path.sysfs}, which cgroups exist, and readers that turn
 * one cgroup's files into a version-neutral {@code CgroupStats}. Parsers are pure functions over
 * a file's bytes; the code that reads files is apart from them.
 */
package dev.vigil.container.cgroup;
