package dev.codexcontinue.plugins.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one output stream of a process on its own daemon thread, keeping at most a byte cap. When
 * the cap is reached it stops reading and calls the overflow action, which stops the process: a
 * command that floods its output (think {@code yes}) is not left running.
 */
final class StreamCapture implements Runnable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final InputStream in;
  private final int cap;
  private final Runnable onOverflow;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean truncated;

  private StreamCapture(InputStream in, int cap, Runnable onOverflow) {
    this.in = in;
    this.cap = cap;
    this.onOverflow = onOverflow;
  }

  /** Starts reading {@code in} on a new daemon thread. */
  static StreamCapture start(InputStream in, int cap, Runnable onOverflow, String name) {
    StreamCapture capture = new StreamCapture(in, cap, onOverflow);
    Thread thread = new Thread(capture, "codex-shell-" + name + "-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    return capture;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        if (!append(chunk, n)) {
          onOverflow.run();
          return;
        }
      }
    } catch (IOException e) {
      // The stream was closed under us: the process is gone; what was read is kept.
    } finally {
      done.countDown();
    }
  }

  private synchronized boolean append(byte[] chunk, int n) {
    int room = cap - bytes.size();
    if (n > room) {
      bytes.write(chunk, 0, room);
      truncated = true;
      return false;
    }
    bytes.write(chunk, 0, n);
    return true;
  }

  /** Waits until the stream ended, at most until {@code nanoTime}; returns whether it did. */
  boolean awaitUntil(long nanoTime) throws InterruptedException {
    return done.await(Math.max(0, nanoTime - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Returns what was read so far. */
  synchronized byte[] bytes() {
    return bytes.toByteArray();
  }

  /** Returns whether output beyond the cap was dropped. */
  boolean isTruncated() {
    return truncated;
  }
}
