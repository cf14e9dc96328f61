package dev.codexcontinue.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records every delay and returns at once. */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    sleeps.add(duration);
    return CompletableFuture.completedFuture(null);
  }

  /** Returns the delays asked for so far, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
