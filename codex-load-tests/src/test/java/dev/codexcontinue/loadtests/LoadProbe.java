package dev.codexcontinue.loadtests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Watches a load run from inside the JVM: samples the live platform threads (all of them, and the
 * ones the SDK created: {@code codex-*} and {@code OkHttp*}) and the heap every 20 ms, collects the
 * per-event overhead of every streamed event, and prints the figures.
 */
final class LoadProbe implements AutoCloseable {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final long[] overheads;
  private final AtomicInteger recorded = new AtomicInteger();
  private final AtomicInteger peakSdkThreads = new AtomicInteger();
  private final AtomicInteger peakPlatformThreads = new AtomicInteger();
  private final AtomicLong peakHeap = new AtomicLong();
  private final int baselinePlatformThreads;
  private final Thread sampler;
  private volatile boolean running = true;

  LoadProbe(int maxEvents) {
    this.overheads = new long[maxEvents];
    this.baselinePlatformThreads = THREADS.getThreadCount();
    this.sampler = new Thread(this::sample, "load-probe");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Records the overhead of one event the server stamped at {@code sentNanos}. */
  void event(long sentNanos) {
    if (overheads.length == 0) {
      return;
    }
    int i = recorded.getAndIncrement();
    if (i < overheads.length) {
      overheads[i] = System.nanoTime() - sentNanos;
    }
  }

  int events() {
    return Math.min(recorded.get(), overheads.length);
  }

  int peakSdkThreads() {
    return peakSdkThreads.get();
  }

  int peakPlatformThreads() {
    return peakPlatformThreads.get();
  }

  int baselinePlatformThreads() {
    return baselinePlatformThreads;
  }

  /** Returns the {@code q} quantile of the per-event overhead, in milliseconds. */
  double overheadMillis(double q) {
    long[] sorted = Arrays.copyOf(overheads, events());
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private void sample() {
    while (running) {
      int sdk = sdkThreadNames().size();
      peakSdkThreads.accumulateAndGet(sdk, Math::max);
      peakPlatformThreads.accumulateAndGet(THREADS.getThreadCount(), Math::max);
      peakHeap.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Returns the names of live platform threads the SDK created. */
  static List<String> sdkThreadNames() {
    List<String> names = new ArrayList<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
      if (info != null && isSdkThread(info.getThreadName())) {
        names.add(info.getThreadName());
      }
    }
    return names;
  }

  static boolean isSdkThread(String name) {
    return name.startsWith("codex-") || name.startsWith("OkHttp");
  }

  /** Returns the number of open file descriptors of this process, or -1 where /proc is absent. */
  static long openFileDescriptors() {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    try (Stream<Path> list = Files.list(fds)) {
      return list.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Prints the figures of a run. */
  void print(String name, int sessions, int completed, int errors, double seconds) {
    System.gc();
    long heapAfterGc = MEMORY.getHeapMemoryUsage().getUsed();
    System.out.printf(
        "%n[load] %s: %d sessions, %d completed, %d errors in %.1f s; %d events, per-event"
            + " overhead p50 %.2f ms p99 %.2f ms; peak SDK threads %d, peak platform threads %d"
            + " (baseline %d); heap peak %d MiB, after GC %d MiB%n",
        name,
        sessions,
        completed,
        errors,
        seconds,
        events(),
        overheadMillis(0.50),
        overheadMillis(0.99),
        peakSdkThreads(),
        peakPlatformThreads(),
        baselinePlatformThreads,
        peakHeap.get() >> 20,
        heapAfterGc >> 20);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join(1_000);
  }
}
