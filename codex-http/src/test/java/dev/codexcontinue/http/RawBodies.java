package dev.codexcontinue.http;

import mockwebserver3.MockResponse;
import okio.BufferedSink;
import okio.Okio;

/**
 * Responses whose body is written by hand on the raw socket after the headers, for exact control
 * over timing and disconnects. The body ends when the socket closes ({@code Connection: close}).
 */
public final class RawBodies {
  private RawBodies() {}

  /** Writes a body; throwing or returning closes the connection. */
  @FunctionalInterface
  public interface Writer {
    /** Writes to {@code sink}, flushing whenever bytes must reach the client. */
    void write(BufferedSink sink) throws Exception;
  }

  /** Returns a 200 response of {@code contentType} whose body {@code writer} produces. */
  public static MockResponse of(String contentType, Writer writer) {
    return builder(contentType, writer).build();
  }

  private static MockResponse.Builder builder(String contentType, Writer writer) {
    return new MockResponse.Builder()
        .code(200)
        .removeHeader("Content-Length")
        .setHeader("Content-Type", contentType)
        .setHeader("Connection", "close")
        .socketHandler(
            socket -> {
              BufferedSink sink = Okio.buffer(socket.getSink());
              try {
                writer.write(sink);
                sink.flush();
              } catch (Exception e) {
                // The client went away or the writer chose to stop: both end the body.
              } finally {
                socket.cancel();
              }
            });
  }

  /**
   * Returns an SSE response that announces more bytes than it sends, sends {@code body}, and then
   * drops the connection: the client sees the body cut off mid-way.
   */
  public static MockResponse sseThenDisconnect(String body) {
    return builder(
            "text/event-stream",
            sink -> {
              sink.writeUtf8(body);
              sink.flush();
            })
        .setHeader("Content-Length", Long.toString(body.length() + 100_000L))
        .build();
  }

  /** Sleeps in a body writer; an interrupt ends the body. */
  public static void pause(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }
}
