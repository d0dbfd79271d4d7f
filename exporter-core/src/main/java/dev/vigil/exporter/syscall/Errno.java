package dev.vigil.exporter.syscall;

/** Names for the errno values the calls here return, as Go's syscall package prints them. */
final class Errno {
    private Errno() {
    }

    static String describe(int errno) {
        return switch (errno) {
            case 1 -> "operation not permitted";
            case 2 -> "no such file or directory";
            case 5 -> "input/output error";
            case 13 -> "permission denied";
            case 20 -> "not a directory";
            case 38 -> "function not implemented";
            case 107 -> "transport endpoint is not connected";
            case 110 -> "connection timed out";
            case 116 -> "stale file handle";
            default -> "errno " + errno;
        };
    }
}
