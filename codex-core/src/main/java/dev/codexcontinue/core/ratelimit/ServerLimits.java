package dev.codexcontinue.core.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the rate-limit headers OpenAI, Azure OpenAI and compatible servers send: {@code
 * x-ratelimit-limit-*}, {@code x-ratelimit-remaining-*} and {@code x-ratelimit-reset-*} for {@code
 * requests} and {@code tokens}; resets are Go-style durations ({@code 1s}, {@code 6m0s}, {@code
 * 20ms}) or plain seconds. Values that do not parse are ignored: a server's header never breaks a
 * call.
 */
final class ServerLimits {
  /** What the server said about one dimension (requests or tokens). */
  record Dimension(OptionalLong limit, OptionalLong remaining, Optional<Duration> reset) {}

  private ServerLimits() {}

  /**
   * Returns what {@code headers} say about {@code dimension} ({@code requests} or {@code tokens}).
   */
  static Dimension read(Map<String, String> headers, String dimension) {
    return new Dimension(
        count(headers.get("x-ratelimit-limit-" + dimension)),
        count(headers.get("x-ratelimit-remaining-" + dimension)),
        Optional.ofNullable(headers.get("x-ratelimit-reset-" + dimension))
            .flatMap(ServerLimits::duration));
  }

  private static OptionalLong count(@javax.annotation.Nullable String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(value.strip());
      return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Parses {@code 1h2m3.5s}, {@code 20ms}, {@code 6m0s} or plain seconds ({@code 1.5}). */
  static Optional<Duration> duration(String value) {
    String s = value.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.length() > 64) {
      return Optional.empty();
    }
    try {
      if (Character.isDigit(s.charAt(s.length() - 1))) {
        return Optional.of(nanos(Double.parseDouble(s), 1e9));
      }
      Duration total = Duration.ZERO;
      int i = 0;
      while (i < s.length()) {
        int start = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        int unitStart = i;
        while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
          i++;
        }
        if (start == unitStart || unitStart == i) {
          return Optional.empty();
        }
        double number = Double.parseDouble(s.substring(start, unitStart));
        double scale =
            switch (s.substring(unitStart, i)) {
              case "h" -> 3600e9;
              case "m" -> 60e9;
              case "s" -> 1e9;
              case "ms" -> 1e6;
              case "us", "µs" -> 1e3;
              case "ns" -> 1;
              default -> -1;
            };
        if (scale < 0) {
          return Optional.empty();
        }
        total = total.plus(nanos(number, scale));
      }
      return Optional.of(total);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration nanos(double number, double scale) {
    double nanos = number * scale;
    if (!(nanos >= 0) || nanos > 1e15) {
      throw new NumberFormatException("duration out of range");
    }
    return Duration.ofNanos(Math.round(nanos));
  }
}
