package dev.vigil.jvm.agent;

import java.io.PrintStream;
import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point. {@link #premain} only reads its arguments and hands the rest
 * to a daemon thread, so the application's start is not held up by class loading, config reading
 * or binding; a mistake is a message on stderr and the application runs on without metrics.
 */
public final class VigilAgent {
    static final String PREFIX = "vigil-jvm-agent: ";
    private VigilAgent() {
    }

    /** Called before the application's main with the text after {@code =}. */
    public static void premain(String agentArgs, Instrumentation instrumentation) {
        launch(agentArgs, System.err);
    }

    /** Called when the agent is loaded into a running JVM (attach API). */
    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        launch(agentArgs, System.err);
    }

    /** {@code java -jar vigil-jvm-agent.jar}: the jar is an agent, not a program; says how to use it. */
    public static void main(String[] args) {
        System.err.println("vigil-jvm-agent.jar is a Java agent: java -javaagent:vigil-jvm-agent.jar=[host:]port[:config] ...");
        System.err.println("  " + AgentArguments.USAGE);
        System.exit(2);
    }

    /**
     * Starts the agent on a daemon thread and returns. Nothing else runs on the application's
     * start path: no argument parsing (regex), no lambda (the first one bootstraps invokedynamic,
     * some 10 ms), so premain costs the load of this class and one thread.
     */
    static void launch(String agentArgs, PrintStream err) {
        Thread starter = new Thread(new Starter(agentArgs, err), "vigil-jvm-agent-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * What runs on the starter thread. A class, not a lambda (see {@link #launch}); it names no class
     * of ours but {@link AgentStart}, which is resolved only when {@code run} runs, on this thread: the
     * verifier loads every exception class a method catches, and those would otherwise be loaded on
     * the application's main thread.
     */
    private static final class Starter implements Runnable {
        private final String agentArgs;
        private final PrintStream err;

        Starter(String agentArgs, PrintStream err) {
            this.agentArgs = agentArgs;
            this.err = err;
        }

        @Override
        public void run() {
            AgentStart.run(agentArgs, err);
        }
    }
}
