package dev.vigil.container.proc;

/**
 * A network namespace's identity: the inode of {@code /proc/<pid>/ns/net}, whose link target reads
 * {@code net:[4026531833]}. Two processes with the same id share one namespace, so their
 * {@code net/dev} counters are the same numbers; e.g. every container of a Kubernetes pod joins
 * the pod sandbox's namespace.
 */
public record NetNamespaceId(long inode) {

    /**
     * Parses a link target such as {@code net:[4026531833]}.
     *
     * @throws IllegalArgumentException when the target is not of that form
     */
    public static NetNamespaceId parse(String linkTarget) {
        String t = linkTarget.strip();
        if (!t.startsWith("net:[") || !t.endsWith("]")) {
            throw new IllegalArgumentException("not a network namespace link: " + linkTarget);
        }
        return new NetNamespaceId(Numbers.parseUnsigned(t.substring(5, t.length() - 1), t));
    }

    @Override
    public String toString() {
        return "net:[" + Long.toUnsignedString(inode) + "]";
    }
}
