package dev.codexcontinue.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The response side of one exchange as {@link CodexHttpHandler} writes it: headers first, then one
 * call of {@link #send}, then the body. A write that fails with {@link IOException} means the
 * client is gone; the handler then cancels the work it was streaming.
 */
public interface ServerResponse {
  /** Sets header {@code name} to {@code value}, replacing an earlier value. */
  void header(String name, String value);

  /**
   * Sends the status line and headers and returns the body stream, which the handler closes.
   *
   * @param status the HTTP status code
   * @param contentLength the body's length in bytes, {@code 0} for no body, or {@code -1} when it
   *     is streamed and its length unknown (chunked transfer encoding)
   * @throws IOException when the client is gone
   */
  OutputStream send(int status, long contentLength) throws IOException;
}
