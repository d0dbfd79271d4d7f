package dev.vigil.jvm.agent;

import dev.vigil.exporter.yaml.ConfigException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The agent's start, on its own daemon thread: arguments, config, the start delay, the listener.
 * A mistake is one line on stderr and the application runs on without metrics.
 */
final class AgentStart {
    /** The started server, held so it stays reachable for the life of the JVM. */
    private static volatile AgentServer running;

    private AgentStart() {
    }

    static void run(String agentArgs, PrintStream err) {
        AgentArguments args;
        try {
            args = AgentArguments.parse(agentArgs);
        } catch (IllegalArgumentException e) {
            err.println(VigilAgent.PREFIX + "not started: " + e.getMessage());
            return;
        }
        AgentConfig config;
        try {
            config = args.config().isPresent() ? AgentConfig.read(args.config().get()) : AgentConfig.defaults();
        } catch (ConfigException e) {
            err.println(VigilAgent.PREFIX + "not started: " + e.file() + ":" + e.line() + ": " + e.reason());
            return;
        }
        try {
            Duration delay = config.startDelay();
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            running = AgentServer.start(args, config);
        } catch (ConfigException e) {
            err.println(VigilAgent.PREFIX + "not started: web config " + e.file() + ":" + e.line() + ": " + e.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            err.println(VigilAgent.PREFIX + "not started: " + e.getMessage());
        }
    }
}
