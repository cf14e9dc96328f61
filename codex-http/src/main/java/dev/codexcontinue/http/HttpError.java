package dev.codexcontinue.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;
import okhttp3.Headers;

/**
 * A failed HTTP response as the error mapper sees it: status, headers, the first bytes of the body
 * (up to the transport's cap), what the body says, and the server's requested delay. Immutable.
 */
public final class HttpError {
  private final int status;
  private final Headers headers;
  private final String body;
  private final ErrorBody errorBody;
  @Nullable private final Duration retryAfter;
  private final boolean retryAfterTooLong;

  /**
   * Creates the error.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body text, already cut at the transport's cap
   * @param errorBody what the body says
   * @param retryAfter the delay the server asked for, or {@code null}
   * @param retryAfterTooLong whether that delay exceeds the retry policy's cap
   */
  public HttpError(
      int status,
      Headers headers,
      String body,
      ErrorBody errorBody,
      @Nullable Duration retryAfter,
      boolean retryAfterTooLong) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers == null");
    this.body = Objects.requireNonNull(body, "body == null");
    this.errorBody = Objects.requireNonNull(errorBody, "errorBody == null");
    this.retryAfter = retryAfter;
    this.retryAfterTooLong = retryAfterTooLong;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the first value of header {@code name}. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** Returns the response headers. */
  public Headers headers() {
    return headers;
  }

  /** Returns the body text, cut at the transport's cap and not redacted. */
  public String body() {
    return body;
  }

  /** Returns what the body says. */
  public ErrorBody errorBody() {
    return errorBody;
  }

  /** Returns the delay the server asked for. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns whether the server asked for a delay longer than the retry policy honours. */
  public boolean isRetryAfterTooLong() {
    return retryAfterTooLong;
  }

  @Override
  public String toString() {
    return "HttpError[status=" + status + ", code=" + errorBody.code() + "]";
  }
}
