package dev.codexcontinue.http;

import dev.codexcontinue.http.internal.NdjsonDecoder;
import dev.codexcontinue.http.internal.SseDecoder;

/** The framing of a streamed response body. */
public enum StreamFormat {
  /** Server-Sent Events ({@code text/event-stream}), decoded by the WHATWG rules. */
  SSE {
    @Override
    public EventDecoder newDecoder(int maxEventBytes) {
      return new SseDecoder(maxEventBytes);
    }
  },
  /** Newline-delimited JSON ({@code application/x-ndjson}): one event per non-blank line. */
  NDJSON {
    @Override
    public EventDecoder newDecoder(int maxEventBytes) {
      return new NdjsonDecoder(maxEventBytes);
    }
  };

  /**
   * Returns a fresh decoder that fails a stream whose single event (or line) exceeds {@code
   * maxEventBytes}.
   *
   * @throws IllegalArgumentException when {@code maxEventBytes} is not positive
   */
  public abstract EventDecoder newDecoder(int maxEventBytes);
}
