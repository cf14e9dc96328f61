package dev.codexcontinue.http;

import dev.codexcontinue.api.ProviderObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider observer that records every retry and rate-limit report, for the tests. */
public final class RecordingObserver implements ProviderObserver {
  private final List<Retry> retries = new CopyOnWriteArrayList<>();
  private final List<RateLimits> limits = new CopyOnWriteArrayList<>();

  @Override
  public void onRetry(Retry retry) {
    retries.add(retry);
  }

  @Override
  public void onRateLimits(RateLimits rateLimits) {
    limits.add(rateLimits);
  }

  /** Returns the retries reported so far, in order. */
  public List<Retry> retries() {
    return List.copyOf(retries);
  }

  /** Returns the rate-limit reports so far, in order. */
  public List<RateLimits> limits() {
    return List.copyOf(limits);
  }
}
