package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.annotation.Nullable;

/**
 * A server-sent events body: {@code data: <json>\n\n} frames, flushed one by one so the client sees
 * each event as it happens. A failed write means the client is gone: the stream then reports {@code
 * false} for every later write, and its owner cancels the work behind it.
 */
public final class SseStream implements AutoCloseable {
  private final OutputStream out;
  private boolean open = true;

  /** Opens the event stream of {@code exchange} with status 200. */
  public static SseStream open(Exchange exchange) throws IOException {
    return new SseStream(exchange.stream(200, "text/event-stream; charset=utf-8"));
  }

  private SseStream(OutputStream out) {
    this.out = out;
  }

  /** Writes an unnamed event carrying {@code data}; returns false when the client is gone. */
  public synchronized boolean data(JsonNode data) {
    return event(null, Json.text(data));
  }

  /** Writes an event with an optional name and raw data; returns false when the client is gone. */
  public synchronized boolean event(@Nullable String name, String data) {
    if (!open) {
      return false;
    }
    StringBuilder frame = new StringBuilder(data.length() + 16);
    if (name != null) {
      frame.append("event: ").append(name).append('\n');
    }
    for (String line : data.split("\n", -1)) {
      frame.append("data: ").append(line).append('\n');
    }
    frame.append('\n');
    try {
      out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      open = false;
      return false;
    }
  }

  /** Returns whether the client is still there as far as the last write knows. */
  public synchronized boolean isOpen() {
    return open;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      open = false;
    }
  }
}
