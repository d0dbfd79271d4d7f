package dev.vigil.jvm.host;

/**
 * The {@code main} label from {@code sun.rt.javaCommand} (the launcher's main class or jar and its
 * arguments): the main class as given, or the jar's file name, as {@code jps} shows them.
 */
public final class JavaCommand {
    private JavaCommand() {
    }

    public static String main(String javaCommand) {
        if (javaCommand == null) {
            return "";
        }
        String command = javaCommand.strip();
        int space = command.indexOf(' ');
        String first = space < 0 ? command : command.substring(0, space);
        if (first.endsWith(".jar")) {
            int slash = first.lastIndexOf('/');
            return first.substring(slash + 1);
        }
        return first;
    }
}
