package dev.codexcontinue.core.internal.stream;

import dev.codexcontinue.api.Cancellable;

/**
 * Something that streams into a sink when started: a provider call or an agent turn.
 *
 * @param <R> the final result type
 */
@FunctionalInterface
public interface StreamSource<R> {
  /** Starts streaming into {@code sink} and returns the handle that cancels it. */
  Cancellable start(StreamSink<R> sink);
}
