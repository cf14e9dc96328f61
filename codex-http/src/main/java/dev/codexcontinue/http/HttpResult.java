package dev.codexcontinue.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Headers;

/** A successful (2xx) response, read whole: status, headers and body bytes. Immutable. */
public final class HttpResult {
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final String requestId;

  /** Creates a result; {@code requestId} is empty when the server sent none. */
  public HttpResult(int status, Headers headers, byte[] body, String requestId) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the first value of header {@code name}. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** Returns the headers. */
  public Headers headers() {
    return headers;
  }

  /** Returns the body. The array is shared: do not modify it. */
  public byte[] body() {
    return body;
  }

  /** Returns the body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Returns the provider's request id. */
  public Optional<String> requestId() {
    return requestId.isEmpty() ? Optional.empty() : Optional.of(requestId);
  }

  @Override
  public String toString() {
    return "HttpResult[status=" + status + ", " + body.length + " bytes]";
  }
}
