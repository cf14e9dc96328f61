package dev.codexcontinue.http.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import okhttp3.Headers;

/**
 * Reads a server-directed retry delay, in openai-python's order of precedence: {@code
 * retry-after-ms} (milliseconds, fractions allowed), then {@code retry-after} as seconds (fractions
 * allowed), then {@code retry-after} as an HTTP-date relative to the clock. Values that do not
 * parse, and delays that are zero or negative, count as absent.
 */
public final class RetryAfter {
  private static final Pattern NUMBER = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

  private RetryAfter() {}

  /** Returns the positive delay the headers ask for. */
  public static Optional<Duration> parse(Headers headers, Clock clock) {
    Duration ms = number(headers.get("retry-after-ms"), 1_000_000L);
    if (ms != null) {
      return positive(ms);
    }
    String value = headers.get("retry-after");
    if (value == null) {
      return Optional.empty();
    }
    Duration seconds = number(value, 1_000_000_000L);
    if (seconds != null) {
      return positive(seconds);
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return positive(Duration.between(clock.instant(), date.toInstant()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Nullable
  private static Duration number(@Nullable String value, long nanosPerUnit) {
    if (value == null || !NUMBER.matcher(value.strip()).matches()) {
      return null;
    }
    double units = Double.parseDouble(value.strip());
    return Duration.ofNanos(Math.round(units * nanosPerUnit));
  }

  private static Optional<Duration> positive(Duration d) {
    return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
  }
}
