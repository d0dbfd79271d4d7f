package dev.vigil.deploy.fullstack;

import dev.vigil.container.docker.DockerSupport;
import dev.vigil.deploy.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The docker CLI for the full-stack test: builds the offline image, runs containers under the
 * {@code vigil-fullstack-} prefix with the test's owner label, and removes exactly the containers
 * it started (never others: the lead's and other helpers' Docker tests share the engine). Every
 * call has a deadline. The commands are the ones a person would type, so a failing step can be
 * replayed by hand.
 */
final class Docker implements AutoCloseable {
    /** Every container this test starts has a name with this prefix. */
    static final String PREFIX = "vigil-fullstack-";

    private final String owner;
    private final Set<String> started = new LinkedHashSet<>();
    /** Removes what is left if the JVM exits without {@link #close} (a killed or timed-out fork). */
    private final Thread exitHook = new Thread(this::close, "fullstack-docker-cleanup");

    Docker() {
        ProcessHandle self = ProcessHandle.current();
        // DockerSupport's owner label: other Docker tests remove this test's containers only once
        // this JVM is gone (a killed run), never while it runs.
        this.owner = self.pid() + ":" + self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /**
     * deploy/images/build-offline.sh on the jars this reactor just packaged, then a tag of this
     * test's own ({@code vigil-fullstack:<hash>}): the script removes older {@code vigil/vigil}
     * tags when another worktree builds, and an image that keeps a second tag is only untagged.
     */
    String buildImage(Path module) {
        ProcessBuilder pb = new ProcessBuilder("bash", module.resolve("images/build-offline.sh").toString(), "--no-build");
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (Files.isExecutable(javaHome.resolve("bin/jlink"))) {
            pb.environment().put("JAVA_HOME", javaHome.toString());
        }
        Processes.Result built = Processes.run(Duration.ofMinutes(5), pb);
        String[] lines = built.out().strip().split("\n");
        String image = lines[lines.length - 1].strip();
        if (built.exit() != 0 || !image.startsWith("vigil/vigil:")) {
            throw new AssertionError("build-offline.sh failed:\n" + built.all());
        }
        String own = "vigil-fullstack:" + image.substring(image.indexOf(':') + 1);
        check(Duration.ofSeconds(30), "tag", image, own);
        // This test's older tags are garbage now (each is a whole copy of the image on a vfs engine).
        for (String tag : check(Duration.ofSeconds(30), "images", "vigil-fullstack", "--format",
                "{{.Repository}}:{{.Tag}}").out().strip().split("\n")) {
            if (!tag.isBlank() && !tag.equals(own)) {
                cli(Duration.ofMinutes(1), "rmi", tag);
            }
        }
        return own;
    }

    /** {@code docker run -d --name <name> --label <owner> <options...>}; the container is removed by {@link #close}. */
    String run(String name, List<String> options) {
        if (!name.startsWith(PREFIX)) {
            throw new IllegalArgumentException(name);
        }
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name,
                "--label", DockerSupport.OWNER_LABEL + "=" + owner));
        args.addAll(options);
        synchronized (this) {
            started.add(name);
        }
        return check(Duration.ofMinutes(1), args.toArray(String[]::new)).out().strip();
    }

    /** The container's state ({@code running}, {@code exited}...). */
    String state(String name) {
        return check(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Status}}", name).out().strip();
    }

    /** Its log, stdout and stderr together (what went wrong instead, when it cannot be read). */
    String logs(String name) {
        boolean interrupted = Thread.interrupted();
        try {
            return cli(Duration.ofSeconds(30), "logs", name).all();
        } catch (AssertionError e) {
            return "(docker logs " + name + ": " + e.getMessage() + ")";
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code docker rm -f} of one container this test started. */
    synchronized void remove(String name) {
        if (started.remove(name)) {
            cli(Duration.ofMinutes(1), "rm", "-f", "-v", name);
        }
    }

    /**
     * Removes every container this test started, newest first, each even when another fails and
     * when the test thread was interrupted (JUnit's timeout); the image tag stays for the next run.
     */
    @Override
    public synchronized void close() {
        boolean interrupted = Thread.interrupted();
        try {
            List<String> names = new ArrayList<>(started);
            for (int i = names.size() - 1; i >= 0; i--) {
                try {
                    remove(names.get(i));
                } catch (AssertionError e) {
                    System.err.println("could not remove " + names.get(i) + ": " + e.getMessage());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds nothing left
            }
        }
    }

    /** A docker command that must succeed. */
    Processes.Result check(Duration timeout, String... args) {
        Processes.Result r = cli(timeout, args);
        if (r.exit() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + ": exit " + r.exit() + "\n" + r.all());
        }
        return r;
    }

    Processes.Result cli(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Processes.run(timeout, new ProcessBuilder(command));
    }
}
