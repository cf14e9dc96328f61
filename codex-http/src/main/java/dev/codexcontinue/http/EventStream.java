package dev.codexcontinue.http;

import java.util.Iterator;

/**
 * A streamed response read on the caller's thread, one decoded event at a time. {@link #hasNext()}
 * blocks until the next event arrives or the body ends; a broken connection or an idle timeout
 * throws a {@link dev.codexcontinue.api.exception.StreamException}. Closing releases the connection
 * and the admission permit at once; a stream dropped without closing is closed when the garbage
 * collector finds it unreachable. Not thread-safe, except that {@link #close()} may be called from
 * any thread to cancel a blocked read.
 *
 * <pre>{@code
 * try (EventStream events = http.openStream(call, StreamFormat.SSE)) {
 *   while (events.hasNext()) {
 *     StreamEvent event = events.next();
 *     if (event.data().equals("[DONE]")) break;
 *   }
 * }
 * }</pre>
 */
public interface EventStream extends Iterator<StreamEvent>, AutoCloseable {
  /** Returns how many events {@link #next()} has returned. */
  long eventsDelivered();

  /** Closes the connection; later reads end the iteration. Idempotent. */
  @Override
  void close();
}
