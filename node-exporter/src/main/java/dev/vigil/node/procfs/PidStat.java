package dev.vigil.node.procfs;

/**
 * {@code /proc/<pid>/stat} (or {@code /proc/<pid>/task/<tid>/stat}): the fields the processes
 * collector uses. The command name sits in parentheses and may itself hold spaces and
 * parentheses, so the fields are counted from the last {@code )}.
 *
 * @param state the one-letter state: R, S, D, Z, T, t, X, I, ...
 * @param numThreads the number of threads in the process
 */
public record PidStat(int pid, String comm, String state, long numThreads) {

    /** The fields after the command, through rss, that must be present: state and 21 numbers. */
    private static final int REQUIRED_FIELDS = 22;
    /** The position of num_threads among the fields after the command (state is 0). */
    private static final int NUM_THREADS = 17;

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException if there is no {@code (comm)} or the fields after it are
     *     missing or not numbers
     */
    public static PidStat parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < 0 || close < open) {
            throw new IllegalArgumentException("unexpected format, couldn't extract comm: \"" + text.strip() + "\"");
        }
        int pid;
        try {
            pid = Integer.parseInt(text.substring(0, open).strip());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        String comm = text.substring(open + 1, close);
        TextCursor in = new TextCursor(close + 1 < text.length() ? text.substring(close + 1) : "");
        in.nextLine();
        String state = null;
        long numThreads = 0;
        for (int i = 0; i < REQUIRED_FIELDS; i++) {
            if (!in.hasField()) {
                throw new IllegalArgumentException("stat has " + i + " fields after the command, expected "
                        + REQUIRED_FIELDS + ": \"" + text.strip() + "\"");
            }
            String field = in.field();
            if (i == 0) {
                state = field;
                continue;
            }
            if (!isInteger(field)) {
                throw new IllegalArgumentException("stat field " + (i + 3) + " is not a number: \"" + field + "\"");
            }
            if (i == NUM_THREADS) {
                numThreads = Long.parseLong(field);
            }
        }
        return new PidStat(pid, comm, state, numThreads);
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
