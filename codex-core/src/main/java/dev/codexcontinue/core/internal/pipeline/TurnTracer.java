package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.core.trace.Span;
import dev.codexcontinue.core.trace.SpanEnd;
import dev.codexcontinue.core.trace.SpanKind;
import dev.codexcontinue.core.trace.SpanListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the spans of one turn to the agent's span listeners. With no listener it does nothing and
 * allocates nothing: {@link #start} returns null and {@link #end} ignores null.
 */
final class TurnTracer {
  private static final Logger log = LoggerFactory.getLogger(TurnTracer.class);

  private final List<SpanListener> listeners;
  private final Clock clock;

  /** A span that began, with the monotonic time it began at. */
  record Open(Span span, long startNanos) {}

  TurnTracer(List<SpanListener> listeners, Clock clock) {
    this.listeners = listeners;
    this.clock = clock;
  }

  boolean enabled() {
    return !listeners.isEmpty();
  }

  /** Returns a builder of a span of {@code turn}, under {@code parent} when there is one. */
  Span.Builder span(TurnContext turn, SpanKind kind, String name, @Nullable Open parent) {
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    Span.Builder b = Span.builder(kind, name, turn.turnId, id, turn.session());
    if (parent != null) {
      b.parent(parent.span());
    }
    return b;
  }

  /** Starts the span {@code b} describes now; null when nobody listens. */
  @Nullable
  Open start(Span.Builder b) {
    Span span = b.startTime(clock.instant()).build();
    long now = System.nanoTime();
    for (SpanListener listener : listeners) {
      try {
        listener.onStart(span);
      } catch (RuntimeException e) {
        log.warn("a span listener threw from onStart; skipped", e);
      }
    }
    return new Open(span, now);
  }

  /** Ends {@code open} now; {@code fill} adds what the span produced. */
  void end(@Nullable Open open, Consumer<SpanEnd.Builder> fill) {
    if (open == null) {
      return;
    }
    SpanEnd.Builder b = SpanEnd.builder(Duration.ofNanos(System.nanoTime() - open.startNanos()));
    fill.accept(b);
    publishEnd(open.span(), b.build());
  }

  /** Reports a span that already ended, which took {@code duration} until now. */
  void completed(Span.Builder b, Duration duration, Consumer<SpanEnd.Builder> fill) {
    Instant start = clock.instant().minus(duration);
    Span span = b.startTime(start).build();
    for (SpanListener listener : listeners) {
      try {
        listener.onStart(span);
      } catch (RuntimeException e) {
        log.warn("a span listener threw from onStart; skipped", e);
      }
    }
    SpanEnd.Builder end = SpanEnd.builder(duration);
    fill.accept(end);
    publishEnd(span, end.build());
  }

  private void publishEnd(Span span, SpanEnd end) {
    for (SpanListener listener : listeners) {
      try {
        listener.onEnd(span, end);
      } catch (RuntimeException e) {
        log.warn("a span listener threw from onEnd; skipped", e);
      }
    }
  }
}
