package dev.vigil.exporter.exposition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs rendering on a platform thread when called from a virtual one (every Helidon handler).
 *
 * <p>Why: client_java's text writers wrap the stream in a {@link java.io.BufferedWriter} made on the
 * calling thread. On a virtual thread the JDK (21 to 25 at least) starts that buffer at 512 chars and
 * grows it to 8192 by exactly what each write needs, copying the array on nearly every write: on
 * the JVM agent this was 16 MB of garbage and most of the CPU of a 100-series scrape. On a platform
 * thread the buffer is 8192 chars at once.
 *
 * <p>At most {@link #THREADS} platform threads, made when needed and ended after {@link #IDLE_SECONDS}
 * idle (so an exporter scraped every 15 s keeps one); when all are busy the caller renders itself.
 */
final class PlatformThreads {
    static final int THREADS = 4;
    static final long IDLE_SECONDS = 120;
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().daemon().name("vigil-exposition-", 0).factory(),
            new ThreadPoolExecutor.CallerRunsPolicy());

    private PlatformThreads() {
    }

    /** Something that renders and may fail with an {@link IOException}. */
    @FunctionalInterface
    interface Rendering {
        void run() throws IOException;
    }

    /** Runs {@code work} on a platform thread (this one when it is one) and waits for it. */
    static void run(Rendering work) throws IOException {
        if (!Thread.currentThread().isVirtual()) {
            work.run();
            return;
        }
        Future<?> done = POOL.submit(() -> {
            try {
                work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        try {
            done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }
}
