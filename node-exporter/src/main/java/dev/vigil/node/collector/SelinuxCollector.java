package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.rootfs.SelinuxConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether SELinux is enabled and, if it is, its configured ({@code /etc/selinux/config}) and current
 * ({@code /sys/fs/selinux/enforce}) enforcement modes, as node_exporter 1.5 reports them through
 * go-selinux.
 *
 * <p>go-selinux looks at the live system only (a selinuxfs mount at {@code /sys/fs/selinux}, the
 * process's own SELinux label, {@code /etc/selinux/config}). Here the same files are read under
 * {@code --path.sysfs}, {@code --path.procfs} and {@code --path.rootfs}, so that a containerised
 * exporter reports the host: SELinux counts as enabled when {@code fs/selinux/enforce} exists under
 * sysfs (selinuxfs is mounted there whenever SELinux is enabled) and the exporter does not run with
 * the {@code kernel} label. go-selinux's fallback search of the mount table for a selinuxfs mounted
 * elsewhere is not made.
 */
public final class SelinuxCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("selinux", true, context -> new SelinuxCollector(context.paths()));

    private static final Desc ENABLED = Desc.gauge("node_selinux_enabled", "SELinux is enabled, 1 is true, 0 is false");
    private static final Desc CONFIG_MODE = Desc.gauge("node_selinux_config_mode", "Configured SELinux enforcement mode");
    private static final Desc CURRENT_MODE = Desc.gauge("node_selinux_current_mode", "Current SELinux enforcement mode");

    private final Path enforce;
    private final Path label;
    private final Path config;

    public SelinuxCollector(HostPaths paths) {
        this.enforce = paths.sys("fs", "selinux", "enforce");
        this.label = paths.proc("self", "attr", "current");
        this.config = paths.root("etc", "selinux", "config");
    }

    @Override
    public String name() {
        return "selinux";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        if (!enabled()) {
            sink.add(ENABLED, 0);
            return;
        }
        sink.add(ENABLED, 1);
        sink.add(CONFIG_MODE, configuredMode());
        sink.add(CURRENT_MODE, currentMode());
    }

    private boolean enabled() {
        if (!Files.isRegularFile(enforce)) {
            return false;
        }
        try {
            return !SelinuxConfig.isKernelLabel(KernelFiles.read(label));
        } catch (IOException e) {
            return true; // go-selinux: a label it cannot read is not "kernel"
        }
    }

    private int configuredMode() {
        try {
            return SelinuxConfig.configuredMode(KernelFiles.read(config));
        } catch (IOException e) {
            return SelinuxConfig.DISABLED;
        }
    }

    private int currentMode() {
        try {
            return SelinuxConfig.currentMode(KernelFiles.read(enforce));
        } catch (IOException e) {
            return SelinuxConfig.DISABLED;
        }
    }
}
