package dev.codexcontinue.core.trace;

/**
 * Receives the spans of an agent's turns: {@link #onStart} when a span begins and {@link #onEnd}
 * exactly once when it ends, whatever happened. Tool calls run in parallel and are reported when
 * they have ended, both calls in a row, with their real start time. See the package documentation
 * for threads and order.
 */
public interface SpanListener {
  /** Receives a span that began. */
  default void onStart(Span span) {}

  /** Receives the end of {@code span}. */
  default void onEnd(Span span, SpanEnd end) {}
}
