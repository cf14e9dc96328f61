package dev.codexcontinue.server.internal;

import java.time.Duration;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An error answered with OpenAI's error shape {@code {"error":{"message","type","code"}}}: thrown
 * anywhere in a handler and written once by {@link Exchange}.
 */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String code;
  @Nullable private final Duration retryAfter;

  HttpError(int status, String type, String code, String message, @Nullable Duration retryAfter) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** Returns a 400 {@code invalid_request_error}. */
  public static HttpError badRequest(String code, String message) {
    return new HttpError(400, "invalid_request_error", code, message, null);
  }

  /** Returns a 404 for an unknown path or resource. */
  public static HttpError notFound(String message) {
    return new HttpError(404, "invalid_request_error", "not_found", message, null);
  }

  /** Returns an error of any status. */
  public static HttpError of(int status, String type, String code, String message) {
    return new HttpError(status, type, code, message, null);
  }

  /** Returns a 429 with a {@code Retry-After}. */
  public static HttpError tooManyRequests(String code, String message, Duration retryAfter) {
    return new HttpError(429, "rate_limit_error", code, message, retryAfter);
  }

  /** Returns the body in OpenAI's shape: {@code {"error":{"message","type","param","code"}}}. */
  public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
    com.fasterxml.jackson.databind.node.ObjectNode root = Json.object();
    com.fasterxml.jackson.databind.node.ObjectNode e = root.putObject("error");
    e.put("message", String.valueOf(getMessage()));
    e.put("type", type);
    e.putNull("param");
    e.put("code", code);
    return root;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns OpenAI's error type, for example {@code invalid_request_error}. */
  public String type() {
    return type;
  }

  /** Returns the machine-readable code. */
  public String code() {
    return code;
  }

  /** Returns how long the client should wait, for 429 answers. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
