package dev.codexcontinue.http;

import dev.codexcontinue.http.internal.Durations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One logical HTTP call: method, URL, headers, an optional body, and per-call limits that override
 * the transport's. The transport may send it several times (retries), so the body is held as bytes.
 * Immutable.
 *
 * <pre>{@code
 * HttpCall call = HttpCall.post("https://api.openai.com/v1/chat/completions")
 *     .header("Authorization", "Bearer " + key.reveal())
 *     .jsonBody(json)
 *     .operation("chat")
 *     .build();
 * }</pre>
 */
public final class HttpCall {
  private final String method;
  private final HttpUrl url;
  private final Headers headers;
  @Nullable private final byte[] body;
  private final String contentType;
  private final boolean repeatable;
  private final String operation;
  @Nullable private final Duration timeout;
  @Nullable private final Duration readTimeout;
  @Nullable private final Duration maxStreamDuration;

  private HttpCall(Builder b) {
    this.method = b.method;
    this.url = b.url;
    this.headers = b.headers.build();
    this.body = b.body;
    this.contentType = b.contentType;
    this.repeatable = b.repeatable;
    this.operation = b.operation;
    this.timeout = b.timeout;
    this.readTimeout = b.readTimeout;
    this.maxStreamDuration = b.maxStreamDuration;
  }

  /** Returns a builder for a POST to {@code url}. */
  public static Builder post(String url) {
    return new Builder("POST", parse(url));
  }

  /** Returns a builder for a GET of {@code url}. */
  public static Builder get(String url) {
    return new Builder("GET", parse(url));
  }

  /** Returns a builder for {@code method} on {@code url}. */
  public static Builder of(String method, HttpUrl url) {
    return new Builder(
        Objects.requireNonNull(method, "method == null"),
        Objects.requireNonNull(url, "url == null"));
  }

  private static HttpUrl parse(String url) {
    Objects.requireNonNull(url, "url == null");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    return parsed;
  }

  /** Returns the HTTP method. */
  public String method() {
    return method;
  }

  /** Returns the URL. */
  public HttpUrl url() {
    return url;
  }

  /** Returns the headers set on the call. */
  public Headers headers() {
    return headers;
  }

  /** Returns the body bytes, if the call has a body. */
  public Optional<byte[]> body() {
    return Optional.ofNullable(body);
  }

  /** Returns the body's media type. */
  public String contentType() {
    return contentType;
  }

  /** Returns whether the call may be sent again; calls with one-shot bodies are never retried. */
  public boolean isRepeatable() {
    return repeatable;
  }

  /** Returns the short name of the operation, for logs ({@code chat}, {@code embed}). */
  public String operation() {
    return operation;
  }

  /** Returns the total deadline of a non-streaming call, overriding the transport's. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Returns the longest silence between two reads, overriding the transport's. */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  /** Returns the longest a stream may last; streams have no limit unless set. */
  public Optional<Duration> maxStreamDuration() {
    return Optional.ofNullable(maxStreamDuration);
  }

  /** Shows method, host, path and operation; never headers, query or body. */
  @Override
  public String toString() {
    return "HttpCall[" + operation + " " + method + " " + url.host() + url.encodedPath() + "]";
  }

  /** Builds an {@link HttpCall}. Not thread-safe. */
  public static final class Builder {
    private final String method;
    private final HttpUrl url;
    private final Headers.Builder headers = new Headers.Builder();
    @Nullable private byte[] body;
    private String contentType = "application/json";
    private boolean repeatable = true;
    private String operation = "call";
    @Nullable private Duration timeout;
    @Nullable private Duration readTimeout;
    @Nullable private Duration maxStreamDuration;

    private Builder(String method, HttpUrl url) {
      this.method = method;
      this.url = url;
    }

    /** Sets header {@code name}, replacing earlier values. */
    public Builder header(String name, String value) {
      headers.set(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Sets a JSON body. */
    public Builder jsonBody(byte[] json) {
      this.body = Objects.requireNonNull(json, "json == null").clone();
      this.contentType = "application/json";
      return this;
    }

    /** Sets a JSON body from text. */
    public Builder jsonBody(String json) {
      return jsonBody(
          Objects.requireNonNull(json, "json == null").getBytes(StandardCharsets.UTF_8));
    }

    /** Sets a body of any media type. */
    public Builder body(byte[] bytes, String contentType) {
      this.body = Objects.requireNonNull(bytes, "bytes == null").clone();
      this.contentType = Objects.requireNonNull(contentType, "contentType == null");
      return this;
    }

    /** Marks the call as not safe to send twice, so it is never retried. */
    public Builder repeatable(boolean repeatable) {
      this.repeatable = repeatable;
      return this;
    }

    /** Names the operation in logs. */
    public Builder operation(String operation) {
      this.operation = Objects.requireNonNull(operation, "operation == null");
      return this;
    }

    /** Sets the total deadline of a non-streaming call. */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.positive(timeout, "timeout");
      return this;
    }

    /** Sets the longest silence between two reads (the idle timeout of a stream). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Durations.positive(timeout, "readTimeout");
      return this;
    }

    /** Sets the longest a stream may last. */
    public Builder maxStreamDuration(Duration duration) {
      this.maxStreamDuration = Durations.positive(duration, "maxStreamDuration");
      return this;
    }

    /** Returns the call. */
    public HttpCall build() {
      return new HttpCall(this);
    }
  }
}
