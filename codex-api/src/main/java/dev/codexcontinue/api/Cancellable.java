package dev.codexcontinue.api;

/** A running operation that can be cancelled. */
public interface Cancellable {
  /**
   * Cancels the operation: closes its connection, stops its work, and delivers no further chunks.
   * Idempotent; cancelling a finished operation does nothing.
   */
  void cancel();
}
