package dev.vigil.bench;

import dev.vigil.storage.head.SampleBatch;
import dev.vigil.storage.wal.ReplayStats;
import dev.vigil.storage.wal.Wal;
import dev.vigil.storage.wal.WalOptions;
import java.nio.file.Path;

/**
 * Reads and decodes a TSDB's WAL without applying it, to split replay time into reading and
 * applying. Usage: {@code java <chronicle flags> -cp bench.jar dev.vigil.bench.WalReadBench DIR}.
 */
public final class WalReadBench {
    private WalReadBench() {
    }

    public static void main(String[] args) throws Exception {
        long[] samples = new long[1];
        ReplayStats[] stats = new ReplayStats[1];
        long start = System.nanoTime();
        try (Wal wal = Wal.open(Path.of(args[0]).resolve("wal"), WalOptions.DEFAULT, id -> null, new Wal.ReplayHandler() {
            @Override
            public void batch(SampleBatch batch) {
                samples[0] += batch.sampleCount();
            }

            @Override
            public void deletion(int[] ids, long min, long max) {
            }
        }, stats)) {
            System.out.printf("read_and_decode_seconds=%.2f samples=%d%n", (System.nanoTime() - start) / 1e9, samples[0]);
        }
    }
}
