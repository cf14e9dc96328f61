package dev.codexcontinue.http;

import java.util.Objects;

/**
 * One event decoded from a stream: a dispatched Server-Sent Event, or one NDJSON line.
 *
 * @param type the SSE event type ({@code message} unless an {@code event:} field set it); {@code
 *     message} for NDJSON lines
 * @param data the SSE data lines joined with {@code \n}, or the NDJSON line without its line end
 * @param id the last event id seen so far, or empty
 * @param reconnectMillis the reconnection time the server last asked for with {@code retry:}, or
 *     {@code -1} when it never did
 */
public record StreamEvent(String type, String data, String id, long reconnectMillis) {
  /** Checks the components. */
  public StreamEvent {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(data, "data == null");
    Objects.requireNonNull(id, "id == null");
  }

  /** Returns an event of type {@code message} carrying {@code data} and no id. */
  public static StreamEvent of(String data) {
    return new StreamEvent("message", data, "", -1);
  }

  /** Shows type, id and size, never the data, which may hold prompts or completions. */
  @Override
  public String toString() {
    return "StreamEvent[type=" + type + ", id=" + id + ", " + data.length() + " chars]";
  }
}
