package dev.codexcontinue.http.internal;

import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.HttpResult;
import java.time.Duration;

/** What one attempt of a call came to: a result, a retry after a delay, or a final failure. */
sealed interface Outcome {
  /** The call succeeded. */
  record Success(HttpResult result) implements Outcome {}

  /** The attempt failed with {@code failure} and is worth repeating after {@code delay}. */
  record Retry(Duration delay, ProviderException failure) implements Outcome {}

  /** The call failed for good. */
  record Fail(ProviderException failure) implements Outcome {}
}
