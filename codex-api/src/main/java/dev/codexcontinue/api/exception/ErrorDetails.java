package dev.codexcontinue.api.exception;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.annotation.Nullable;

/**
 * What a provider told us about a failed call: who answered, the HTTP status, the provider's own
 * error code and type, the request id to quote to its support, and how long it asked us to wait.
 * Immutable.
 */
public final class ErrorDetails {
  private final String provider;
  private final int statusCode;
  @Nullable private final String errorCode;
  @Nullable private final String errorType;
  @Nullable private final String requestId;
  @Nullable private final Duration retryAfter;

  private ErrorDetails(Builder b) {
    this.provider = b.provider;
    this.statusCode = b.statusCode;
    this.errorCode = b.errorCode;
    this.errorType = b.errorType;
    this.requestId = b.requestId;
    this.retryAfter = b.retryAfter;
  }

  /** Returns details that name only the provider. */
  public static ErrorDetails of(String provider) {
    return builder(provider).build();
  }

  /** Returns a builder for details about a call to {@code provider}. */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /** Returns the provider id, for example {@code openai}. */
  public String provider() {
    return provider;
  }

  /** Returns the HTTP status, when there was a response. */
  public OptionalInt statusCode() {
    return statusCode > 0 ? OptionalInt.of(statusCode) : OptionalInt.empty();
  }

  /** Returns the provider's error code, such as {@code rate_limit_exceeded}. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** Returns the provider's error type, such as {@code invalid_request_error}. */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }

  /** Returns the request id the provider assigned. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Returns the delay the provider asked for before a retry. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns a builder pre-filled with these details. */
  public Builder toBuilder() {
    Builder b = new Builder(provider);
    b.statusCode = statusCode;
    b.errorCode = errorCode;
    b.errorType = errorType;
    b.requestId = requestId;
    b.retryAfter = retryAfter;
    return b;
  }

  /** Formats the details as a short suffix for exception messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("provider=").append(provider);
    if (statusCode > 0) {
      sb.append(", status=").append(statusCode);
    }
    if (errorCode != null) {
      sb.append(", code=").append(errorCode);
    }
    if (errorType != null) {
      sb.append(", type=").append(errorType);
    }
    if (requestId != null) {
      sb.append(", request-id=").append(requestId);
    }
    if (retryAfter != null) {
      sb.append(", retry-after=").append(retryAfter.toMillis()).append("ms");
    }
    return sb.toString();
  }

  /** Builds {@link ErrorDetails}. Not thread-safe. */
  public static final class Builder {
    private final String provider;
    private int statusCode = -1;
    @Nullable private String errorCode;
    @Nullable private String errorType;
    @Nullable private String requestId;
    @Nullable private Duration retryAfter;

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /** Sets the HTTP status code. */
    public Builder statusCode(int statusCode) {
      if (statusCode < 100 || statusCode > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + statusCode);
      }
      this.statusCode = statusCode;
      return this;
    }

    /** Sets the provider's error code; {@code null} clears it. */
    public Builder errorCode(@Nullable String errorCode) {
      this.errorCode = blankToNull(errorCode);
      return this;
    }

    /** Sets the provider's error type; {@code null} clears it. */
    public Builder errorType(@Nullable String errorType) {
      this.errorType = blankToNull(errorType);
      return this;
    }

    /** Sets the provider's request id; {@code null} clears it. */
    public Builder requestId(@Nullable String requestId) {
      this.requestId = blankToNull(requestId);
      return this;
    }

    /** Sets the delay the provider asked for; {@code null} clears it. */
    public Builder retryAfter(@Nullable Duration retryAfter) {
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("negative retryAfter");
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /** Returns the immutable details. */
    public ErrorDetails build() {
      return new ErrorDetails(this);
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }
}
