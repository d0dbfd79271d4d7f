package dev.vigil.container.runtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cgroup path names (spec §2.3, §7.3): a runtime's container ({@code id} = its 64-hex id), a
 * systemd unit ({@code id} = the unit, e.g. {@code sshd.service}) or a raw cgroup ({@code id} = the
 * path). {@code podUid} is the Kubernetes pod UID (with dashes) when the path runs through a pod cgroup.
 *
 * <p>For a bare 64-hex directory (no runtime prefix) the runtime is a hint: under {@code /docker} it is
 * Docker; anywhere else (e.g. {@code /kubepods/burstable/pod<uid>/<id>}) containerd, the usual CRI, and
 * the resolver also asks the other runtimes (cri-dockerd uses the same layout).
 */
public record ContainerId(Runtime runtime, String id, Optional<String> podUid) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    // cgroupfs driver: "pod" + UID with dashes; systemd driver: "kubepods[-qos]-pod" + UID with underscores.
    private static final Pattern POD_CGROUPFS = Pattern.compile("pod([0-9a-fA-F]{8}-[0-9a-fA-F-]{27})");
    private static final Pattern POD_SYSTEMD = Pattern.compile("kubepods(?:-[a-z]+)?-pod([0-9a-fA-F_]{36})\\.slice");
    private static final Pattern SYSTEMD_UNIT =
            Pattern.compile(".+\\.(service|scope|slice|socket|mount|swap|device|target|timer|path)");

    /** Runtime prefixes of a container's last path element, most specific first. */
    private static final String[][] PREFIXES = {
        {"crio-conmon-", null}, // CRI-O's monitor process beside the container: not a container
        {"libpod-conmon-", null}, // Podman's monitor
        {"cri-containerd-", "CONTAINERD"},
        {"crio-", "CRIO"},
        {"libpod-", "PODMAN"},
        {"docker-", "DOCKER"},
    };

    public ContainerId {
        podUid = podUid == null ? Optional.empty() : podUid;
    }

    /** Parses a cgroup path relative to the hierarchy's mount, e.g. {@code /docker/<id>}; never throws. */
    public static ContainerId fromCgroup(String cgroupPath) {
        String path = normalize(cgroupPath);
        Optional<String> pod = podUid(path);
        if (path.equals("/")) {
            return new ContainerId(Runtime.RAW, path, pod);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        String parent = path.substring(0, path.lastIndexOf('/'));
        Optional<ContainerId> runtime = runtimeContainer(last, parent, pod);
        if (runtime.isPresent()) {
            return runtime.get();
        }
        if (!isPodElement(last) && SYSTEMD_UNIT.matcher(last).matches() && !isConmon(last)) {
            return new ContainerId(Runtime.SYSTEMD, last, pod);
        }
        return new ContainerId(Runtime.RAW, path, pod);
    }

    /** The pod UID (dashes) named anywhere along the path, if any. */
    public static Optional<String> podUid(String cgroupPath) {
        for (String element : cgroupPath.split("/")) {
            Matcher systemd = POD_SYSTEMD.matcher(element);
            if (systemd.matches()) {
                return Optional.of(systemd.group(1).replace('_', '-'));
            }
            Matcher cgroupfs = POD_CGROUPFS.matcher(element);
            if (cgroupfs.matches()) {
                return Optional.of(cgroupfs.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The pod UID when the cgroup <em>is</em> a pod's cgroup ({@code /kubepods/burstable/pod<uid>},
     * {@code .../kubepods-burstable-pod<uid_>.slice}), not one of its containers.
     */
    public static Optional<String> podCgroupUid(String cgroupPath) {
        String path = normalize(cgroupPath);
        String last = path.substring(path.lastIndexOf('/') + 1);
        return isPodElement(last) ? podUid(last) : Optional.empty();
    }

    /** Whether a runtime (not systemd, not raw) claims this cgroup. */
    public boolean isRuntimeContainer() {
        return runtime != Runtime.SYSTEMD && runtime != Runtime.RAW;
    }

    private static Optional<ContainerId> runtimeContainer(String last, String parent, Optional<String> pod) {
        if (last.endsWith(".mount")) {
            return Optional.empty(); // never a container (cAdvisor skips them)
        }
        String name = last.endsWith(".scope") ? last.substring(0, last.length() - ".scope".length()) : last;
        for (String[] prefix : PREFIXES) {
            if (name.startsWith(prefix[0])) {
                String id = name.substring(prefix[0].length());
                if (prefix[1] == null || !HEX64.matcher(id).matches()) {
                    return Optional.empty();
                }
                return Optional.of(new ContainerId(Runtime.valueOf(prefix[1]), id, pod));
            }
        }
        if (HEX64.matcher(name).matches() && name.equals(last)) {
            Runtime hint = parent.equals("/docker") || parent.endsWith("/docker") ? Runtime.DOCKER : Runtime.CONTAINERD;
            return Optional.of(new ContainerId(hint, name, pod));
        }
        return Optional.empty();
    }

    private static boolean isPodElement(String element) {
        return POD_SYSTEMD.matcher(element).matches() || POD_CGROUPFS.matcher(element).matches();
    }

    private static boolean isConmon(String element) {
        return element.startsWith("crio-conmon-") || element.startsWith("libpod-conmon-");
    }

    private static String normalize(String cgroupPath) {
        String path = cgroupPath == null || cgroupPath.isBlank() ? "/" : cgroupPath.strip();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
