package dev.codexcontinue.http;

import java.util.function.Consumer;

/**
 * Turns the bytes of a response body into {@link StreamEvent}s, whatever the sizes of the chunks
 * the network delivers: feeding the same bytes split anywhere (inside a UTF-8 sequence, between a
 * CR and its LF) gives the same events. Instances keep state between calls and are not thread-safe;
 * use one per stream.
 */
public interface EventDecoder {
  /**
   * Decodes the next {@code length} bytes of the body and passes every event they complete to
   * {@code sink}, in order.
   *
   * @throws dev.codexcontinue.api.exception.StreamProtocolException when an event grows past the
   *     decoder's size limit
   */
  void feed(byte[] bytes, int offset, int length, Consumer<StreamEvent> sink);

  /**
   * Ends the input. An SSE event not closed by a blank line is discarded, as the WHATWG rules
   * require; a last NDJSON line without its newline is passed to {@code sink}.
   */
  void finish(Consumer<StreamEvent> sink);

  /** Returns how many events this decoder has passed to sinks so far. */
  long eventsDecoded();
}
