package dev.codexcontinue.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retries. Injectable so that tests record the delays instead of sleeping; {@link
 * #SYSTEM} really waits.
 */
public interface Sleeper {
  /** A sleeper that blocks with {@link Thread#sleep} and delays with a JDK timer thread. */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
          // Runs the completion on the JDK's delay thread, never on the common pool: the
          // continuation only enqueues the next attempt.
          return CompletableFuture.runAsync(
              () -> {},
              CompletableFuture.delayedExecutor(
                  duration.toNanos(), TimeUnit.NANOSECONDS, Runnable::run));
        }
      };

  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns a future that completes after {@code duration}, without blocking the caller. */
  CompletableFuture<Void> delay(Duration duration);
}
