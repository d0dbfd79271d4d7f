package dev.vigil.jvm.host;

/**
 * The container id in a {@code /proc/<pid>/cgroup} file: the first run of exactly 64 hex digits
 * in a cgroup path, as Docker, containerd, CRI-O and Podman name their cgroups
 * ({@code /docker/<id>}, {@code docker-<id>.scope}, {@code cri-containerd-<id>.scope},
 * {@code crio-<id>.scope}, {@code libpod-<id>.scope}).
 */
public final class ContainerIds {
    private static final int ID_LENGTH = 64;

    private ContainerIds() {
    }

    /** The id, or "" for a process outside any container. */
    public static String fromCgroup(String text) {
        int run = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (isHex(c)) {
                run++;
                continue;
            }
            boolean boundedBefore = i - run == 0 || !Character.isLetterOrDigit(text.charAt(i - run - 1));
            if (run == ID_LENGTH && boundedBefore && !Character.isLetterOrDigit(c)) {
                return text.substring(i - run, i);
            }
            run = 0;
        }
        return "";
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
