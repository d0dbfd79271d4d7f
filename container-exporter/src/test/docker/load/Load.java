import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The load program of Vigil's container test image: one kind of load per run, chosen by the first
 * argument, so the cgroup files a collector reads move in a known way. Every mode is bounded in
 * size and time and ends by itself. Each mode prints a line starting with "ready" once its load is
 * in place, which the tests wait for in the container's log.
 *
 * <pre>
 * Load cpu SECONDS [THREADS]        burn CPU (THREADS busy threads, default 1), then exit
 * Load mem MIB SECONDS              allocate and touch MIB MiB off-heap, hold them SECONDS
 * Load disk MIB SECONDS [PATH]      write MIB MiB to PATH (default /tmp/load.bin), fsync, hold
 * Load disk-direct MIB SECONDS [PATH]  the same with O_DIRECT: cgroup v1's blkio counts only the
 *                                   I/O a task submits itself, not the page cache's writeback
 * Load net MIB SECONDS              send MIB MiB over TCP on loopback to itself, hold
 * Load threads COUNT SECONDS        start COUNT sleeping threads (pids/tasks), hold
 * Load sleep SECONDS                do nothing, hold
 * Load oom                          allocate until the kernel's OOM killer ends this process
 * Load oom-child SECONDS            start a child JVM running "oom", wait for it to be killed,
 *                                   then hold SECONDS (the container and its cgroup stay alive)
 * </pre>
 *
 * Memory is allocated off-heap (direct buffers, zeroed so every page is touched) so the heap size
 * does not cap it and only the cgroup's limit stops it.
 */
public final class Load {
  private static final int MIB = 1 << 20;
  /** Bounds the oom mode when no limit stops it. */
  private static final long OOM_MAX_MIB = 16 * 1024;
  private static final long OOM_MAX_MILLIS = 60_000;

  private Load() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
    }
    String mode = args[0];
    switch (mode) {
      case "cpu" -> cpu(seconds(args, 1), args.length > 2 ? Integer.parseInt(args[2]) : 1);
      case "mem" -> mem(Integer.parseInt(arg(args, 1)), seconds(args, 2));
      case "disk", "disk-direct" -> disk(Integer.parseInt(arg(args, 1)), seconds(args, 2),
          Path.of(args.length > 3 ? args[3] : "/tmp/load.bin"), mode.equals("disk-direct"));
      case "net" -> net(Integer.parseInt(arg(args, 1)), seconds(args, 2));
      case "threads" -> threads(Integer.parseInt(arg(args, 1)), seconds(args, 2));
      case "sleep" -> hold("ready sleep", seconds(args, 1));
      case "oom" -> oom();
      case "oom-child" -> oomChild(seconds(args, 1));
      default -> usage();
    }
  }

  private static void cpu(long seconds, int threads) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> burners = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        long x = 0;
        while (System.nanoTime() < end) {
          for (int j = 0; j < 100_000; j++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
          }
        }
        if (x == 42) {
          System.out.println(); // keeps the loop from being optimised away
        }
      }, "burn-" + i);
      t.start();
      burners.add(t);
    }
    say("ready cpu " + threads + " thread(s) for " + seconds + " s");
    for (Thread t : burners) {
      t.join();
    }
    say("done cpu");
  }

  private static void mem(int mib, long seconds) throws InterruptedException {
    List<ByteBuffer> held = new ArrayList<>();
    for (int i = 0; i < mib; i++) {
      held.add(ByteBuffer.allocateDirect(MIB));
    }
    hold("ready mem " + mib + " MiB", seconds);
    if (held.isEmpty() && mib > 0) {
      throw new AssertionError();
    }
  }

  private static void disk(int mib, long seconds, Path file, boolean direct)
      throws IOException, InterruptedException {
    // O_DIRECT wants a buffer aligned to the block size; 4096 suits every common filesystem.
    ByteBuffer block = ByteBuffer.allocateDirect(MIB + 4096).alignedSlice(4096).limit(MIB).slice();
    for (int i = 0; i < MIB; i++) {
      block.put(i, (byte) (i * 31 + 7)); // not zeros, so no filesystem can skip it
    }
    Set<OpenOption> options = new HashSet<>(List.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING));
    if (direct) {
      options.add(ExtendedOpenOption.DIRECT);
    }
    try (FileChannel ch = FileChannel.open(file, options)) {
      for (int i = 0; i < mib; i++) {
        block.clear();
        while (block.hasRemaining()) {
          ch.write(block);
        }
      }
      ch.force(true);
    }
    hold("ready " + (direct ? "disk-direct " : "disk ") + mib + " MiB written and synced to " + file, seconds);
  }

  private static void net(int mib, long seconds) throws Exception {
    InetAddress lo = InetAddress.getLoopbackAddress();
    long total = (long) mib * MIB;
    long[] received = new long[1];
    CountDownLatch done = new CountDownLatch(1);
    try (ServerSocket server = new ServerSocket(0, 1, lo)) {
      Thread reader = new Thread(() -> {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          byte[] buf = new byte[64 * 1024];
          int n;
          while ((n = in.read(buf)) > 0) {
            received[0] += n;
          }
        } catch (IOException e) {
          e.printStackTrace();
        } finally {
          done.countDown();
        }
      }, "net-reader");
      reader.start();
      try (Socket client = new Socket(lo, server.getLocalPort()); OutputStream out = client.getOutputStream()) {
        byte[] buf = new byte[64 * 1024];
        for (long sent = 0; sent < total; sent += buf.length) {
          out.write(buf, 0, (int) Math.min(buf.length, total - sent));
        }
      }
      done.await();
    }
    hold("ready net " + received[0] + " bytes over loopback", seconds);
  }

  private static void threads(int count, long seconds) throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "idle-" + i);
      t.setDaemon(true);
      t.start();
    }
    hold("ready threads " + count, seconds);
    release.countDown();
  }

  private static void oom() {
    List<ByteBuffer> held = new ArrayList<>();
    long start = System.currentTimeMillis();
    say("ready oom");
    while (held.size() < OOM_MAX_MIB && System.currentTimeMillis() - start < OOM_MAX_MILLIS) {
      held.add(ByteBuffer.allocateDirect(MIB));
      if (held.size() % 16 == 0) {
        say("allocated " + held.size() + " MiB");
      }
    }
    say("not killed after " + held.size() + " MiB");
    System.exit(3);
  }

  private static void oomChild(long seconds) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx8m", "-XX:MaxDirectMemorySize=64g",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "Load", "oom")
        .inheritIO().start();
    int exit = child.waitFor();
    // 137 = 128 + SIGKILL: what the OOM killer sends.
    hold("ready oom-child exit " + exit, seconds);
  }

  private static void hold(String readyLine, long seconds) throws InterruptedException {
    say(readyLine);
    Thread.sleep(seconds * 1000);
    say("done");
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static String arg(String[] args, int i) {
    if (args.length <= i) {
      usage();
    }
    return args[i];
  }

  private static long seconds(String[] args, int i) {
    long s = Long.parseLong(arg(args, i));
    if (s < 0 || s > 3600) {
      throw new IllegalArgumentException("seconds must be 0..3600: " + s);
    }
    return s;
  }

  private static void usage() {
    System.err.println("usage: Load cpu|mem|disk|disk-direct|net|threads|sleep|oom|oom-child ARGS (see Load.java)");
    System.exit(2);
  }
}
