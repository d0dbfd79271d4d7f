package dev.vigil.bench;

import dev.vigil.model.Labels;
import dev.vigil.storage.Appender;
import dev.vigil.storage.chunk.XorEncoder;
import dev.vigil.storage.chunk.XorIterator;
import dev.vigil.storage.head.CommitLog;
import dev.vigil.storage.head.Head;
import dev.vigil.storage.head.HeadOptions;
import dev.vigil.storage.index.Matcher;
import dev.vigil.storage.index.MemPostings;
import dev.vigil.storage.index.Postings;
import dev.vigil.storage.index.PostingsSelector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The storage's hot paths one at a time: encoding and decoding a 120-sample XOR chunk, postings
 * intersection and matcher selection over a 100 k-series index, and appending a 1,000-sample
 * scrape into existing head series (no WAL: the end-to-end figure with the WAL is StorageBench's).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StorageBenchmark {
    private long[] times;
    private double[] values;
    private byte[] chunk;
    private MemPostings index;
    private int[] a;
    private int[] b;
    private Head head;
    private Labels[] labels;
    private long[] refs;
    private long t;

    @Setup
    public void setUp() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        times = new long[120];
        values = new double[120];
        double counter = 0;
        for (int i = 0; i < 120; i++) {
            times[i] = 1_700_000_000_000L + 15_000L * i + random.nextInt(-3, 3);
            counter += random.nextInt(1000);
            values[i] = counter;
        }
        chunk = encode();
        index = new MemPostings();
        for (int i = 0; i < 100_000; i++) {
            index.add(i + 1, Labels.of("__name__", "m" + (i % 100), "instance", "h" + (i / 100), "job", "node"));
        }
        a = index.postings("__name__", "m7");
        b = index.postings("job", "node");
        head = new Head(HeadOptions.DEFAULT);
        labels = new Labels[1000];
        refs = new long[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Labels.of("__name__", "m" + (i % 100), "instance", "h" + (i / 100), "job", "node");
        }
        t = 1_700_000_000_000L;
        scrape();
    }

    @Benchmark
    public byte[] encode() {
        XorEncoder enc = new XorEncoder(256);
        for (int i = 0; i < times.length; i++) {
            enc.append(times[i], values[i]);
        }
        return enc.toByteArray();
    }

    @Benchmark
    public void decode(Blackhole bh) {
        XorIterator it = new XorIterator(chunk);
        while (it.next()) {
            bh.consume(it.timestamp());
            bh.consume(it.value());
        }
    }

    @Benchmark
    public int[] intersect1kWith100k() {
        return Postings.intersect(a, b);
    }

    @Benchmark
    public int[] selectMetricAndRegex() {
        return PostingsSelector.select(index, List.of(Matcher.equal("__name__", "m7"),
                Matcher.regex("instance", "h1.*"), Matcher.notEqual("job", "x")));
    }

    /** One scrape of 1,000 samples into existing series (per op: 1,000 samples). */
    @Benchmark
    public void appendScrapeOf1000() throws Exception {
        scrape();
    }

    private void scrape() throws Exception {
        t += 15_000;
        Appender app = head.appender(CommitLog.NONE);
        for (int i = 0; i < labels.length; i++) {
            refs[i] = app.append(refs[i], labels[i], t, i * 3.0 + t / 1000);
        }
        app.commit();
    }
}
